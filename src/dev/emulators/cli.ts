// Start every emulator and print the environment that points the daemon at them (dev only).
//   tsx src/dev/emulators/cli.ts > .env.emulators
// Ports come from EMU_{YOLO,OLLAMA,GEMINI,WHATSAPP}_PORT, else free ports. Stops on SIGINT/SIGTERM.
import * as gemini from './gemini.ts';
import * as ollama from './ollama.ts';
import * as whatsapp from './whatsapp.ts';
import * as yolo from './yolo.ts';
import { EnvReader } from '../../env/reader.ts';
import { emulatorProviderEnv } from './env.ts';

const r = new EnvReader(process.env);
const host = r.string('EMU_HOST', '127.0.0.1');
const geminiKey = r.string('EMU_GEMINI_API_KEY', 'emulator-gemini-key');
const waToken = r.string('EMU_WHATSAPP_TOKEN', 'emulator-whatsapp-token');
const waPhone = '100000000000001';
const port = (name: string): number => r.int(name, 0, 0, 65535);
const ports = { yolo: port('EMU_YOLO_PORT'), ollama: port('EMU_OLLAMA_PORT'), gemini: port('EMU_GEMINI_PORT'), whatsapp: port('EMU_WHATSAPP_PORT') };
if (r.problems.length) {
  process.stderr.write(`${r.problems.join('\n')}\n`);
  process.exit(2);
}

const [y, o, g, w] = await Promise.all([
  yolo.start({ port: ports.yolo, host }),
  ollama.start({ port: ports.ollama, host }),
  gemini.start({ port: ports.gemini, host, apiKey: geminiKey }),
  whatsapp.start({ port: ports.whatsapp, host, token: waToken, phoneNumberId: waPhone }),
]);

const env = emulatorProviderEnv(
  { yolo: y.url, ollama: o.url, gemini: g.url, whatsapp: w.url },
  { geminiKey, whatsappToken: waToken, whatsappPhoneNumberId: waPhone },
);
process.stdout.write(
  Object.entries(env)
    .map(([k, v]) => `${k}=${v}\n`)
    .join(''),
);
process.stderr.write('emulators running (yolo, ollama, gemini, whatsapp); Ctrl-C to stop\n');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) process.exit(1);
  stopping = true;
  process.stderr.write(`${signal}: stopping emulators\n`);
  await Promise.all([y.close(), o.close(), g.close(), w.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
