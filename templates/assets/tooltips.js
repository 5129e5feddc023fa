/* Tooltips for citations and titled links, attached when the reader points at one or focuses it.
 *
 * A citation (a footnote reference) shows its source entry, and a link with a title (a
 * judgment's fact links carry the fact's claim) shows that title, in Material for MkDocs'
 * tooltip (its `md-tooltip2` markup and styles), on hover and on keyboard focus. Material's own
 * `content.tooltips` and `content.footnote.tooltips` set up every link of a page as it loads,
 * which on a topic page of hundreds of links blocks a phone's main thread for most of a second;
 * here two listeners on the document do nothing until a pointer or the focus reaches one, and
 * survive Material's instant navigation, which replaces the page's content but not the document.
 */
"use strict"
;(() => {
  const HOSTS = "a.footnote-ref, .md-content [title]"
  /** How long a tooltip stays after the pointer left it or its host (as Material's). */
  const LINGER = 250
  let sequence = 0
  /** The tooltip shown: its host, element, the host's title while removed, and hide timer. */
  let shown = null

  function contentOf(host) {
    if (host.matches("a.footnote-ref")) {
      const note = document.getElementById(decodeURIComponent(new URL(host.href).hash.slice(1)))
      return note ? { role: "dialog", children: [...note.cloneNode(true).children] } : null
    }
    const title = host.getAttribute("title")
    return title ? { role: "tooltip", children: [document.createTextNode(title)], title } : null
  }

  /** Material's tooltip placement: below the host for a title, where there is more room for a
   *  citation's entry; the host's place in the document in CSS variables. */
  function place(node, host, role) {
    const box = host.getBoundingClientRect()
    node.style.setProperty("--md-tooltip-host-x", `${box.left + scrollX}px`)
    node.style.setProperty("--md-tooltip-host-y", `${box.top + scrollY}px`)
    let y = 8 + box.height
    if (role === "tooltip") {
      const inner = node.firstElementChild.firstElementChild ?? node.firstElementChild
      node.style.setProperty("--md-tooltip-width", `${inner.getBoundingClientRect().width}px`)
      node.style.setProperty("--md-tooltip-tail", "0px")
    } else if (box.top >= innerHeight / 2) {
      y = -16 - node.getBoundingClientRect().height
    } else {
      y = 16 + box.height
    }
    node.style.setProperty("--md-tooltip-x", `${box.width / 2}px`)
    node.style.setProperty("--md-tooltip-y", `${y}px`)
    node.classList.toggle("md-tooltip2--top", y < 0)
    node.classList.toggle("md-tooltip2--bottom", y >= 0)
  }

  function hide() {
    if (shown === null) return
    const { host, node, title } = shown
    clearTimeout(shown.timer)
    node.remove()
    host.removeAttribute("aria-describedby")
    host.removeAttribute("aria-controls")
    host.removeAttribute("aria-haspopup")
    if (title !== undefined) host.setAttribute("title", title)
    shown = null
  }

  function show(host) {
    if (shown?.host === host) {
      clearTimeout(shown.timer)
      return
    }
    hide()
    const content = contentOf(host)
    if (content === null) return
    const node = document.createElement("div")
    node.className = "md-tooltip2"
    node.id = `__tooltip_${sequence++}`
    node.setAttribute("role", content.role)
    const inner = document.createElement("div")
    inner.className = "md-tooltip2__inner md-typeset"
    inner.append(...content.children)
    node.append(inner)
    if (content.title !== undefined) {
      host.removeAttribute("title")  // else the browser shows it too
      host.setAttribute("aria-describedby", node.id)
    } else {
      host.setAttribute("aria-controls", node.id)
      host.setAttribute("aria-haspopup", "dialog")
    }
    document.body.append(node)
    place(node, host, content.role)
    shown = { host, node, title: content.title, timer: 0 }
    requestAnimationFrame(() => node.classList.add("md-tooltip2--active"))
  }

  function leaveSoon() {
    if (shown === null) return
    clearTimeout(shown.timer)
    shown.timer = setTimeout(hide, LINGER)
  }

  /** The host or shown tooltip an event is on, if any. */
  function within(target) {
    if (!(target instanceof Element)) return null
    if (shown !== null && (shown.node.contains(target) || shown.host.contains(target))) return shown.host
    return target.closest(HOSTS)
  }

  document.addEventListener("pointerover", event => {
    const host = within(event.target)
    if (host !== null) show(host)
  })
  document.addEventListener("pointerout", event => {
    if (shown !== null && within(event.target) === shown.host
        && within(event.relatedTarget) !== shown.host) leaveSoon()
  })
  document.addEventListener("focusin", event => {
    const host = within(event.target)
    if (host !== null && host === event.target) show(host)
  })
  document.addEventListener("focusout", event => {
    if (shown?.host === event.target) leaveSoon()
  })
  document.addEventListener("keydown", event => {
    if (event.key === "Escape") hide()
  })
  // Material's instant navigation swaps the content: a tooltip shown there goes with it.
  addEventListener("popstate", hide)
  document.addEventListener("click", event => {
    if (shown !== null && !shown.node.contains(event.target)) hide()
  })
})()
