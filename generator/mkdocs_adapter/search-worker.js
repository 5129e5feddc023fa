/* Material's search dialog, answered by Pagefind: the dialog adapter.
 *
 * Material for MkDocs 9.8.2 starts this worker (its `config` block in templates/theme/main.html
 * names it) and speaks to it as to its own search worker: SETUP, answered with READY, and
 * QUERY, answered with RESULT, whose data lists result groups, a page and then what was found
 * on it (tests/test_search_worker.py pins that version and its protocol). The queries go to
 * the Pagefind bundle the briefing plugin writes in pagefind/, through pagefind.js's documented
 * API: init(), mergeIndex() for each further shard that pagefind/shards.json lists, search()
 * with the `shown` filter every record carries (a shard's vocabulary record does not), and
 * result.data() for the results shown (its raw_url, relative to the site, content, locations,
 * meta.title, and the `page` filter: the title of the page the record is on). Pagefind fetches only the chunks of its index that
 * hold the words searched for, and the fragments of the results shown.
 *
 * The best fact of a page shows, the others fold under "more on this page". Every title is
 * escaped here, and an excerpt holds no element but the <mark> around a word found.
 *
 * In the preview (the plugin sets PREVIEW), the index is written in the background after each
 * edit: ../search/preview.json says whether it is being written. While it is, results come
 * after a note that they may be out of date; once a newer index is written, it is loaded.
 */
"use strict"

/** The Material for MkDocs release whose search dialog this worker was checked against. */
const MATERIAL = "9.8.2"
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
/** At most this many results are loaded and shown for one query. */
const SHOWN = 40
/** A result shows this many words of its record, from a few before the first word found. */
const EXCERPT_WORDS = 30
const EXCERPT_BEFORE = 6
const BUNDLE = new URL("../pagefind/", self.location.href)
const SHOWN_FILTER = { filters: { shown: "yes" } }
/** Whether this is the preview's worker, whose index may be being written (set by the plugin). */
const PREVIEW = false
const PREVIEW_STATUS = new URL("../search/preview.json", self.location.href)
const OUT_OF_DATE = "Search results may be out of date"

let library = null
let latest = 0
/** The preview's index the library was loaded from (its generation, a new module for each). */
let loaded = 0

function pagefind() {
  if (library === null) {
    const version = PREVIEW ? `?index=${loaded}` : ""
    library = import(new URL(`pagefind.js${version}`, BUNDLE).href).then(async module => {
      await module.init()
      const listed = await fetch(new URL("shards.json", BUNDLE), { cache: "no-cache" })
      const { shards = [] } = listed.ok ? await listed.json() : {}
      for (const shard of shards) await module.mergeIndex(new URL(shard, BUNDLE).href)
      return module
    })
  }
  return library
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, c => ESCAPES[c])
}

/** The words of a record around the first one found, escaped, each word found in a <mark>.
 *  Built from the record's text and the positions of the words found (Pagefind's `content`
 *  and `locations`), not from Pagefind's excerpt, which escapes < and > but leaves & as it is. */
function excerpt(data) {
  const words = String(data.content ?? "").split(/[\r\n\s]+/g)
  const found = new Set(data.locations ?? [])
  const first = found.size ? Math.min(...found) : 0
  const start = Math.max(0, Math.min(first - EXCERPT_BEFORE, words.length - EXCERPT_WORDS))
  const shown = words.slice(start, start + EXCERPT_WORDS)
    .map((word, i) => found.has(start + i) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word))
  return (start > 0 ? "… " : "") + shown.join(" ") + (start + EXCERPT_WORDS < words.length ? " …" : "")
}

/** Material's result groups: for each page, the page, then the records found on it. */
function groups(query, found) {
  const terms = {}
  for (const term of query.toLowerCase().split(/\s+/)) terms[term] = true
  const pages = new Map()
  for (const { score, data } of found) {
    const location = (data.raw_url ?? data.url).replace(/^\//, "")  // as the plugin gave it
    const page = location.split("#")[0]
    const doc = { location, title: escapeHtml(data.meta?.title), text: `<p>${excerpt(data)}</p>`, score, terms }
    let group = pages.get(page)
    if (group === undefined) {
      const title = data.filters?.page?.[0] ?? data.meta?.title
      group = [{ location: page, title: escapeHtml(title), text: "", score, terms }]
      pages.set(page, group)
    }
    if (location === page) {
      group[0] = { ...doc, score: Math.max(doc.score, group[0].score) }
    } else {
      group.push(doc)
    }
  }
  return [...pages.values()]
}

/** In the preview: whether its index is being written ({indexing, generation}), else null. */
async function previewStatus() {
  if (!PREVIEW) return null
  try {
    const answer = await fetch(PREVIEW_STATUS, { cache: "no-store" })
    return answer.ok ? await answer.json() : null
  } catch {
    return null
  }
}

async function search(query) {
  const words = query.trim()
  if (!words) return { items: [] }
  const status = await previewStatus()
  if (status !== null && !status.indexing && status.generation !== loaded) {
    loaded = status.generation  // a newer index is written: load it
    library = null
  }
  let results = []
  try {
    results = (await (await pagefind()).search(words, SHOWN_FILTER)).results
  } catch (error) {
    if (!status?.indexing) throw error
    library = null  // no index yet: try again once it is written
  }
  const found = await Promise.all(results.slice(0, SHOWN).map(async result => (
    { score: result.score, data: await result.data() })))
  const items = groups(words, found)
  if (status?.indexing) {
    console.info(`${OUT_OF_DATE}: the preview is writing the search index after the last edit.`)
    items.unshift([{ location: "", title: OUT_OF_DATE, score: 0, terms: {},
                     text: "<p>The preview is updating its search index after the last edit; search again in a moment.</p>" }])
  }
  return { items, total: results.length }
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
