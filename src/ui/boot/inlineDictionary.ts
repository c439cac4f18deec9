/**
 * The built index.html carries both UI dictionaries as JSON data blocks (build/bootBundlePlugin.ts),
 * so the first render never waits for a dictionary chunk after the main one. In development (no
 * build plugin) there is no block and the dictionary module is imported instead.
 */
export const dictionaryBlockId = (language: string): string => `dictionary-${language}`;

export function readInlineDictionary(language: string): Record<string, string> | undefined {
  try {
    const text = document.getElementById(dictionaryBlockId(language))?.textContent;
    return text ? (JSON.parse(text) as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}
