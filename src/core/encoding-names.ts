/** The names people know the single-byte code pages by, as messages say them (a file read as one, a --encoding given for one). */
export const ENCODING_NAMES: Readonly<Record<string, string>> = { 'windows-1251': 'Windows-1251', 'windows-1252': 'Windows-1252', 'windows-1250': 'Windows-1250', 'windows-1254': 'Windows-1254', 'koi8-r': 'KOI8-R', ibm866: 'CP866 (DOS)' };

/** The --encoding value that names each code page. */
export const ENCODING_FLAGS: Readonly<Record<string, string>> = { 'windows-1251': 'cp1251', 'windows-1252': 'cp1252', 'windows-1250': 'cp1250', 'windows-1254': 'cp1254', 'koi8-r': 'koi8-r', ibm866: 'cp866' };
