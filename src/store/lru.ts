/**
 * Values loaded on first use and kept, most recently used last; past `max` the least recently used are let go (and
 * loaded again when asked for). A load that fails is not kept: the next ask tries again (an operator may have
 * restored the file meanwhile). `pinned` keys are never let go (a file a write is working on); `onEvict` closes what
 * is let go.
 */
export function createLru<T>(o: { max: number; load: (key: string) => Promise<T>; pinned?: (key: string) => boolean; onEvict?: (value: Promise<T>) => void }) {
  const entries = new Map<string, Promise<T>>();
  return {
    get(key: string): Promise<T> {
      const found = entries.get(key);
      if (found) {
        entries.delete(key);
        entries.set(key, found);
        return found;
      }
      const loaded = o.load(key);
      loaded.catch(() => {
        if (entries.get(key) === loaded) entries.delete(key);
      });
      entries.set(key, loaded);
      for (const [old, value] of entries) {
        if (entries.size <= o.max) break;
        if (old === key || o.pinned?.(old)) continue;
        entries.delete(old);
        o.onEvict?.(value);
      }
      return loaded;
    },
    /** The value if it is loaded (or loading), without loading it or counting it as used. */
    peek: (key: string): Promise<T> | undefined => entries.get(key),
    /** Lets every value go and returns them (to close): at shutdown. */
    clear(): Array<Promise<T>> {
      const values = [...entries.values()];
      entries.clear();
      return values;
    },
  };
}
