/**
 * Caret and presence colours: dark shades from the デジタル庁 design-token primitives, so that
 * white label text on them stays above 4.5:1 contrast. Hex literals because the caret
 * extension only accepts `#rrggbb`, not CSS variables.
 */
const palette = [
  '#0017c1', // blue-900
  '#115a36', // green-900
  '#8b3200', // orange-1000
  '#8b008b', // magenta-900
  '#5109ad', // purple-900
  '#00428c', // light-blue-1000
  '#004c59', // cyan-1100
  '#a90000', // red-1000
  '#3e5a00', // lime-1000
  '#604b00', // yellow-1200
] as const;

/** The same person gets the same colour in every browser and every session. */
export function userColor(userId: string): string {
  // FNV-1a: tiny, stable and spreads similar ids well enough for ten buckets.
  let hash = 0x811c9dc5;
  for (let index = 0; index < userId.length; index += 1) {
    hash ^= userId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return palette[(hash >>> 0) % palette.length] ?? palette[0];
}

/** Black or white, whichever reads better on a colour another browser may have chosen. */
export function readableTextColor(background: string): string {
  const channels = [1, 3, 5].map((start) => {
    const value = Number.parseInt(background.slice(start, start + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  const [red = 0, green = 0, blue = 0] = channels;
  const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
