/* The search worker behind Material's search dialog, backed by Pagefind.
 *
 * Material 9.8.2 starts this worker (its `config` block in templates/theme/main.html names
 * it) and speaks to it in four messages: SETUP, answered with READY; QUERY, answered with
 * RESULT. The queries go to the Pagefind bundle the briefing plugin writes in pagefind/,
 * which fetches only the chunks of the index that hold the words searched for, so the
 * first search downloads little whatever the size of the briefing. A result's record (its
 * URL, title and text) is in one of the bundle's record packs, pagefind/records/<n>.records,
 * n found from the record's id as generator/pagefind_service.py's pack_of finds it; the
 * rare record whose id two shards both gave is a fragment file that Pagefind loads.
 *
 * Results are grouped by page as Material expects: the page first, then the facts found
 * on it; the best fact shows, the others fold under "more on this page". Every title is
 * escaped here, and an excerpt holds no element but the <mark> around a word found.
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
/** At most this many records are fetched and shown for one query. */
const SHOWN = 40
/** A result shows this many words of its record, from a few before the first word found. */
const EXCERPT_WORDS = 30
const EXCERPT_BEFORE = 6
const BUNDLE = new URL("../pagefind/", self.location.href)

let library = null
let latest = 0

function pagefind() {
  if (library === null) {
    library = import(new URL("pagefind.js", BUNDLE).href).then(async module => {
      await module.init()
      // A large briefing's index is written in shards (generator/pagefind_service.py),
      // each with a record of every word, which no result list shows.
      // Asked of the server every time, as Pagefind asks for its entry file: the packs'
      // version in it keeps a browser from reading packs of an earlier build.
      const listed = await fetch(new URL("shards.json", BUNDLE), { cache: "no-cache" })
      const { shards = [], hidden = [], unpacked = [], packs = 1, version = "" } =
        listed.ok ? await listed.json() : {}
      for (const shard of shards) await module.mergeIndex(new URL(shard, BUNDLE).href)
      return { search: module.search, hidden: new Set(hidden), unpacked: new Set(unpacked), packs, version }
    })
  }
  return library
}

/** The pack holding a record: FNV-1a (32 bits) of its id, modulo the number of packs. */
function packOf(id, packs) {
  let digest = 0x811c9dc5
  for (let i = 0; i < id.length; i++) digest = Math.imul(digest ^ id.charCodeAt(i), 0x01000193)
  return (digest >>> 0) % packs
}

const loadedPacks = new Map()

/** A pack's records by id: gzip-compressed JSON (or JSON, if the host unpacked it). */
function pack(number, version) {
  if (!loadedPacks.has(number)) {
    const url = new URL(`records/${number}.records?v=${encodeURIComponent(version)}`, BUNDLE)
    loadedPacks.set(number, fetch(url).then(async response => {
      if (!response.ok) throw new Error(`${response.url}: ${response.status}`)
      const bytes = new Uint8Array(await response.arrayBuffer())
      const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b
      const text = gzipped
        ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text()
        : new TextDecoder().decode(bytes)
      return JSON.parse(text)
    }).catch(error => {
      loadedPacks.delete(number)  // tried again by the next search
      throw error
    }))
  }
  return loadedPacks.get(number)
}

/** What a result shows: its record, and the positions of the words found in its text. */
async function record(index, result) {
  const found = index.unpacked.has(result.id)
    ? await result.data()
    : (await pack(packOf(result.id, index.packs), index.version))[result.id]
  return found === undefined ? null
    : { url: found.url, content: found.content, meta: found.meta, locations: result.words }
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, c => ESCAPES[c])
}

/** The words of a record around the first one found, escaped, each word found in a
 *  <mark>. Built from the record's own text and the positions Pagefind found words at,
 *  not from Pagefind's excerpt, which escapes < and > but leaves & as it is. */
function excerpt(data) {
  const words = String(data.content ?? "").split(/[\r\n\s]+/g)
  const found = new Set(data.locations ?? [])
  const first = found.size ? Math.min(...found) : 0
  const start = Math.max(0, Math.min(first - EXCERPT_BEFORE, words.length - EXCERPT_WORDS))
  const shown = words.slice(start, start + EXCERPT_WORDS)
    .map((word, i) => found.has(start + i) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word))
  return (start > 0 ? "… " : "") + shown.join(" ") + (start + EXCERPT_WORDS < words.length ? " …" : "")
}

async function search(query) {
  const words = query.trim()
  if (!words) return { items: [] }
  const index = await pagefind()
  const found = (await index.search(words)).results.filter(result => !index.hidden.has(result.id))
  const shown = (await Promise.all(found.slice(0, SHOWN).map(async result => [result, await record(index, result)])))
    .filter(([, data]) => data !== null)
  const terms = {}
  for (const term of words.toLowerCase().split(/\s+/)) terms[term] = true

  const groups = new Map()
  for (const [result, data] of shown) {
    const location = data.url.replace(/^\//, "")
    const page = location.split("#")[0]
    const doc = {
      location,
      title: escapeHtml(data.meta.title),
      text: `<p>${excerpt(data)}</p>`,
      score: result.score,
      terms,
    }
    let group = groups.get(page)
    if (group === undefined) {
      group = [{ location: page, title: escapeHtml(data.meta.page || data.meta.title),
                 text: "", score: result.score, terms }]
      groups.set(page, group)
    }
    if (location === page) {
      group[0] = { ...doc, score: Math.max(doc.score, group[0].score) }
    } else {
      group.push(doc)
    }
  }
  return { items: [...groups.values()], total: found.length }
}

addEventListener("message", async event => {
  const message = event.data
  if (message.type === SETUP) {
    postMessage({ type: READY })
    pagefind()  // load the library while the reader types
  } else if (message.type === QUERY) {
    const asked = ++latest
    let data
    try {
      data = await search(message.data)
    } catch (error) {
      console.warn("Search failed:", error)
      data = { items: [] }
    }
    if (asked === latest) postMessage({ type: RESULT, data })
  }
})
