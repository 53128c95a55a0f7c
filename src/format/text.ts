// Text from outside the product — server bodies, backup and instance names, descriptions,
// database values, a user command's output — is made harmless at the one place each host
// writes a line. A runner reads every stdout line that starts with `::` (or the legacy `##[`)
// as a workflow command, and ends a line at CR as well as LF; a terminal obeys escape sequences.

const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g
// C0 and C1 controls and DEL, but tab and line feed (handled apart).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g
const COMMAND_START = /^(\s*)(::|##\[)/

/** Control characters as visible escapes (`\x1b`), so escape sequences do nothing. */
function visible(text: string): string {
  return text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

/** A line that cannot start a workflow command: `::x` becomes `: :x`, `##[` becomes `# #[`. */
function defused(line: string): string {
  return line.replace(COMMAND_START, (_m, space: string, token: string) =>
    token === '::' ? `${space}: :` : `${space}# #[`
  )
}

/** One log line: line breaks become spaces, controls visible escapes, no command start. */
export function safeLine(text: string): string {
  return defused(visible(text.replace(LINE_BREAKS, ' ')))
}

/** Several lines (a failure message, a summary as text): each made safe, LF between them. */
export function safeLines(text: string): string {
  return text
    .split(LINE_BREAKS)
    .map((line) => defused(visible(line)))
    .join('\n')
}
