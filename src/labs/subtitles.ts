// A voice message's automatic transcript saved as a subtitle file (.srt, WebVTT): each cue is its number on a
// line, its start and end times on the next ("12" / "00:01:04,400 --> 00:01:09,120"), then what was said
// ("TGP 54, referência até 41."). The cue's number and times are the file's, no result: read as printed, the
// number stands as the value of the line before it ("Gerado por TranscreveAí (modelo automático)" / "1"). So in
// a text with several cues they are set aside (blank lines, so the lines keep their places), and so is the
// file's own name or header ("Transcricao_audio_2025-05-31.srt", "WEBVTT"); what was said is read as a dictation.

// A cue's times: start and end, hours optional in WebVTT, a comma or a dot before the milliseconds; WebVTT may
// add the cue's settings after them, each a "name:value" ("00:04.820 --> 00:10.150 align:start position:10%").
// Anything else the line prints after them is no cue's ("00:00:04,820 --> 00:00:10,150   Anti-HCV   REAGENTE"):
// it stays on its line, to be read or listed.
const CUE_TIMES = /^\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s*-->\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}(?:\s+[\w-]+:[\w%.,-]+)*(?=\s|$)/u;
// A cue's number, on the line right before its times.
const CUE_NUMBER = /^\s*\d{1,5}\s*$/u;
// The file's name or WebVTT's header line.
const FILE_HEADER = /^\s*(?:\S+\.(?:srt|vtt)|WEBVTT(?:\s.*)?)\s*$/iu;

/** The lines of a subtitle file with its cues' numbers and times blanked; any other text as it is. */
export function subtitlesAsText(raws: string[]): string[] {
  if (raws.filter((r) => CUE_TIMES.test(r)).length < 3) return raws;
  return raws.map((raw, i) => {
    // A cue's times with something printed after them stay as printed: the times are no value, and a bare
    // number or word alone would be read as the result of a line above.
    const times = CUE_TIMES.exec(raw);
    if (times) return raw.slice(times[0].length).trim() === '' ? '' : raw;
    if (FILE_HEADER.test(raw)) return '';
    if (CUE_NUMBER.test(raw) && CUE_TIMES.test(raws[i + 1] ?? '')) return '';
    return raw;
  });
}
