// Who holds a first copy in a store that outlives the run: the input's relative path plus a
// digest of its bytes. A file cleaned again (a rerun after a crash) is the same owner, so its own
// earlier claims come back as its own; a new day's file that reuses yesterday's name is another.
import xxhash from 'xxhash-wasm'

let loading: Promise<(bytes: Uint8Array) => bigint> | undefined

// The owner of an input given its relative path and bytes.
export async function ownerOf(relativePath: string, bytes: Uint8Array): Promise<string> {
  loading ??= xxhash().then((api) => (data: Uint8Array) => api.h64Raw(data))
  const digest = (await loading)(bytes)
  return `${relativePath}\t${digest.toString(16).padStart(16, '0')}`
}
