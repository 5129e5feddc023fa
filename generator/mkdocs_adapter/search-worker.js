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

let library = null
let latest = 0

function pagefind() {
  if (library === null) {
    library = import(new URL("pagefind.js", BUNDLE).href).then(async module => {
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

async function search(query) {
  const words = query.trim()
  if (!words) return { items: [] }
  const { results } = await (await pagefind()).search(words, SHOWN_FILTER)
  const found = await Promise.all(results.slice(0, SHOWN).map(async result => (
    { score: result.score, data: await result.data() })))
  return { items: groups(words, found), total: results.length }
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
