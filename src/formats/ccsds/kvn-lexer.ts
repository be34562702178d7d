/**
 * Lexer for CCSDS Keyword = Value Notation (KVN, CCSDS 502.0/503.0/508.0 common syntax).
 * It only splits lines; each message type (OMM, OEM, CDM) owns its keyword table with units and validation.
 */
export type KvnLine =
  | {
      readonly kind: 'keyword';
      readonly line: number;
      readonly keyword: string;
      readonly value: string;
      readonly unit?: string;
    }
  | { readonly kind: 'comment'; readonly line: number; readonly text: string }
  | { readonly kind: 'data'; readonly line: number; readonly text: string }
  | { readonly kind: 'blank'; readonly line: number };

// KEYWORD = value [unit]; keywords are upper case letters, digits and underscores.
const KEYWORD_LINE = /^\s*([A-Z][A-Z0-9_]*)\s*=\s*(.*?)\s*$/;
const TRAILING_UNIT = /^(.*?)\s*\[([^\]]*)\]$/;

export function lexKvn(text: string): KvnLine[] {
  const lines = text.split(/\r?\n/);
  // A final newline yields one empty trailing element that is not a line of the file.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((raw, index): KvnLine => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return { kind: 'blank', line };
    if (trimmed.startsWith('COMMENT')) {
      return { kind: 'comment', line, text: trimmed.slice('COMMENT'.length).trim() };
    }
    const match = KEYWORD_LINE.exec(raw);
    if (match) {
      const keyword = match[1] ?? '';
      const rest = match[2] ?? '';
      const unitMatch = TRAILING_UNIT.exec(rest);
      if (unitMatch) {
        return {
          kind: 'keyword',
          line,
          keyword,
          value: (unitMatch[1] ?? '').trim(),
          unit: (unitMatch[2] ?? '').trim(),
        };
      }
      return { kind: 'keyword', line, keyword, value: rest };
    }
    return { kind: 'data', line, text: trimmed };
  });
}
