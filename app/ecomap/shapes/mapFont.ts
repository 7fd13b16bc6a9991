/**
 * Labels on the map are Japanese: tldraw's own fonts have no Japanese glyphs, so shapes use the
 * system's Japanese fonts (nothing is fetched; exports name the same families).
 */
export const MAP_FONT = "'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', 'Meiryo', sans-serif";
export const INK = '#1a1a1c';
export const MUTED = '#626264';
