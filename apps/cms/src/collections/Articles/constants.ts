/** Headlines longer than this get cut off in search results and social cards. */
export const TITLE_MAX_LENGTH = 160
