"""Page shapes that make trafilatura cut a story short or read furniture as its body.

Each function changes a parsed page in place before extraction; each is a named shape:

- `join_split_body`: a story body cut into several sibling containers of one class by ad slots
  between them (an "Advertisement" label, "Story continues below advertisement", or an empty
  slot the ad script fills later). trafilatura takes the first container its body paths find,
  so the stored text stops at the first ad. The containers are joined into the first, so the
  ad slot no longer ends the body. The same holds for a body set one paragraph per container
  with ad slots among them. Containers headed by a link to another story (a teaser row) are
  never joined.
- `drop_ad_labels`: an ad slot's label ("Advertisement", "ADVERTISEMENT 1", "Story continues
  below") wherever it stands, so it is never stored as a line of the story.
- `drop_linked_blocks`: a whole block (a heading, a paragraph) inside one link. That is a teaser
  card of another story ("You might also like": headline, date and lead, all one link), never a
  paragraph of the story: a body paragraph holds links, it is not inside one. A box the cards
  leave empty, or holding only its heading ("Most read"), goes with them.
- `drop_link_boxes`: a box set inside the body that holds only a short heading and a list whose
  every item carries a link ("What to know about ...", "Read more", "Related coverage"): a box
  of links to other pages, not the story's own text; so is such a heading and list that end
  the body ("More stories"). A list inside the body itself, or a box with prose of its own,
  stays.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

AD_LABEL = re.compile(
    r"^(?:advertisement|advertising|ads?|sponsored|sponsored content|promoted)(?:\s*\d+)?"
    r"(?:\W*(?:story|article|text) continues (?:below|after(?: this)? (?:advertisement|ad))"
    r"|\W*continue reading below(?: this)?(?: advertisement| ad)?)?\W*$"
    r"|^(?:story|article|text) continues (?:below|after(?: this)? (?:advertisement|ad))"
    r"(?: this)?(?: advertisement| ad)?\W*$"
    r"|^continue reading below(?: this)?(?: advertisement| ad)?\W*$"
    r"|^(?:advertisement\W*)?scroll to continue(?: with content)?\W*$"
    r"|^this (?:advertisement|ad) has not loaded yet,? but your (?:article|story) continues"
    r" below\W*$",
    re.IGNORECASE,
)
_CONTAINERS = frozenset({"div", "section", "article", "main"})
_SKIPPED = frozenset({"script", "style", "noscript", "iframe", "ins", "template", "link", "meta"})
BODY_PARAGRAPH_WORDS = 8  # a container of the split body holds a paragraph of this many words
LABEL_CHARS = 400  # more visible text than this is no ad slot (the longest label is ~75)


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _short_pieces(node: HtmlElement) -> list[str] | None:
    """The text a reader sees in an element, piece by piece (scripts and comments left out), or
    None once it passes `LABEL_CHARS`: enough to tell an empty slot or an ad label, without
    reading a whole subtree for each element of a page (which made extraction quadratic)."""
    found: list[str] = []
    total = 0
    stack = [node]
    while stack:
        element = stack.pop()
        if element.tag in _SKIPPED:
            continue
        chunks = [element.text or ""]
        for child in element:
            if _is_element(child):
                stack.append(child)
            chunks.append(child.tail or "")
        for chunk in chunks:
            if piece := " ".join(chunk.split()):
                total += len(piece)
                if total > LABEL_CHARS:
                    return None
                found.append(piece)
    return found


def _is_element(node: object) -> bool:
    return isinstance(node, HtmlElement) and isinstance(node.tag, str)


def _is_ad_label(node: HtmlElement) -> bool:
    """An ad slot's label: text, and every piece of it an ad label ("Advertisement 1",
    "Story continues below")."""
    pieces = _short_pieces(node)
    return bool(pieces) and all(AD_LABEL.match(t) for t in pieces or ())


def _is_separator(node: HtmlElement) -> bool:
    """An ad slot between two parts of a body: no text, or only an ad label."""
    if node.tag in _SKIPPED:
        return True
    pieces = _short_pieces(node)
    return pieces is not None and all(AD_LABEL.match(t) for t in pieces)


def _holds_body(node: HtmlElement) -> bool:
    """A container with at least one paragraph of prose."""
    return any(len(_text(p).split()) >= BODY_PARAGRAPH_WORDS for p in node.iter("p"))


def _linked_heading(node: HtmlElement) -> bool:
    """A heading that is a link (a list of other stories' headlines), in or around a block."""
    for heading in node.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        text = _text(heading)
        linked = " ".join(_text(a) for a in heading.iter("a") if a.get("href"))
        if text and len(linked) >= len(text) / 2:
            return True
        if any(a.get("href") for a in heading.iterancestors("a")):
            return True
    return False


def _body_part(node: HtmlElement) -> bool:
    """A part of a story's body: a paragraph of prose, and no headline linking elsewhere."""
    return _holds_body(node) and not _linked_heading(node)


def _same_kind(a: HtmlElement, b: HtmlElement) -> bool:
    cls = (a.get("class") or "").split()
    return a.tag == b.tag and bool(cls) and cls == (b.get("class") or "").split()


def _merge(into: HtmlElement, other: HtmlElement) -> None:
    """Move `other`'s children into `into`, joining a child with `into`'s last child of its kind."""
    for child in list(other):
        last = into[-1] if len(into) else None
        if (
            _is_element(child)
            and last is not None
            and _is_element(last)
            and child.tag in _CONTAINERS
            and _same_kind(last, child)
        ):
            _merge(last, child)
        else:
            into.append(child)


def _before(a: HtmlElement, b: HtmlElement) -> bool:
    """Whether sibling `a` comes before sibling `b`."""
    parent = a.getparent()
    return parent is not None and parent.index(a) < parent.index(b)


def join_split_body(tree: HtmlElement) -> int:
    """Join body containers split by ad slots into the first; return how many were joined.

    A run is a container holding a paragraph, then more containers of its kind, up to the last
    that holds one, with nothing between them but ad slots (labels, empty slots, scripts); it is
    joined when at least one ad slot that is not a bare script stands inside it."""
    joined = 0
    for parent in list(tree.iter(*_CONTAINERS)):
        children = [c for c in parent if _is_element(c)]
        i = 0
        while i < len(children):
            first = children[i]
            if first.tag not in _CONTAINERS or not _body_part(first):
                i += 1
                continue
            members: list[HtmlElement] = []
            gaps: list[HtmlElement] = []
            pending: list[HtmlElement] = []
            j = i + 1
            while j < len(children):
                node = children[j]
                if _is_separator(node):
                    pending.append(node)
                elif _same_kind(first, node) and not _linked_heading(node):
                    members.append(node)
                    gaps += pending
                    pending = []
                else:
                    break
                j += 1
            while members and not _holds_body(members[-1]):  # a run ends on body, not a card
                gaps = [gap for gap in gaps if _before(gap, members[-1])]
                members.pop()
            if members and any(gap.tag not in _SKIPPED for gap in gaps):
                for node in members:
                    _merge(first, node)
                    parent.remove(node)
                for gap in gaps:
                    parent.remove(gap)
                joined += len(members)
            i = j
    return joined


def drop_ad_labels(tree: HtmlElement) -> int:
    """Remove ad slots' labels wherever they stand; return how many were removed."""
    labels = [
        node
        for node in tree.iter(*_CONTAINERS, "aside", "p", "span", "figure")
        if _is_ad_label(node)
        and not any(_is_ad_label(up) for up in node.iterancestors(*_CONTAINERS, "aside"))
    ]
    for node in labels:
        node.drop_tree()
    return len(labels)


# teaser cards

_CARD_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6")  # a link around one is a card
TEASER_MAX_WORDS = 250  # a linked block longer than this is no card (an unclosed link)
BOX_HEADING_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")


def _is_box_heading(node: HtmlElement) -> bool:
    text = _text(node)
    words = len(text.split())
    return 0 < words <= BOX_HEADING_WORDS and not _SENTENCE_END.search(text)


def _drop_emptied(parent: HtmlElement | None) -> None:
    """After a card is removed: remove the ancestors it leaves empty, and a box left holding
    only its heading ("You might also like", "Most read")."""
    top = None
    while parent is not None and parent.tag not in ("body", "html"):
        text = _text(parent)
        if not text:
            top = parent
        else:
            if _is_box_heading(parent) and not _holds_body(parent):
                top = parent
            break
        parent = parent.getparent()
    if top is not None and top.getparent() is not None:
        top.drop_tree()


def drop_linked_blocks(tree: HtmlElement) -> int:
    """Remove links that wrap a whole block (teaser cards); return how many were removed."""
    cards = [
        a
        for a in tree.iter("a")
        if a.get("href")
        and next(a.iter(*_CARD_BLOCKS), None) is not None
        and _text(a)
        and len(_text(a).split()) <= TEASER_MAX_WORDS
    ]
    for card in cards:
        parent = card.getparent()
        if parent is not None:
            card.drop_tree()
            _drop_emptied(parent)
    return len(cards)


# link boxes


def _is_link_list(node: HtmlElement) -> bool:
    items = [li for li in node if _is_element(li) and li.tag == "li"]
    return len(items) >= 2 and all(next(li.iter("a"), None) is not None for li in items)


def _is_link_box(box: HtmlElement) -> bool:
    """A box of a short heading (optional) and lists whose every item carries a link."""
    parts = [c for c in box if _is_element(c) and not _is_separator(c)]
    if box.text and box.text.strip():
        return False
    lists = [c for c in parts if c.tag in ("ul", "ol") and _is_link_list(c)]
    others = [c for c in parts if c not in lists]
    if not lists or len(others) > 1:
        return False
    if not others:
        return True
    inner = [c for c in box.iter() if c is not box and c.tag in ("div", "section", "aside")]
    return not inner and _is_box_heading(others[0])


def drop_link_boxes(tree: HtmlElement) -> int:
    """Remove boxes of links set among a body's paragraphs; return how many were removed."""
    parents: list[HtmlElement] = []
    for p in tree.iter("p"):
        parent = p.getparent()
        long = len(_text(p).split()) >= BODY_PARAGRAPH_WORDS
        if parent is not None and long and all(parent is not q for q in parents):
            parents.append(parent)
    boxes: list[HtmlElement] = []
    for parent in parents:
        for sibling in parent:
            if not _is_element(sibling) or sibling.tag not in _CONTAINERS:
                continue
            box = sibling
            while len([c for c in box if _is_element(c)]) == 1 and not (box.text or "").strip():
                only = next(c for c in box if _is_element(c))
                if only.tag not in _CONTAINERS:
                    break
                box = only
            if _is_link_box(box):
                boxes.append(sibling)
    for parent in parents:
        boxes += _trailing_link_list(parent)
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
    return len(boxes)


def _trailing_link_list(parent: HtmlElement) -> list[HtmlElement]:
    """A heading and a list of links that end a body container ("More stories" under the last
    paragraph): both, or nothing. A list led in by a sentence or a colon is the story's own."""
    kept = [c for c in parent if _is_element(c) and c.tag not in ("hr", "br")]
    kept = [c for c in kept if not _is_separator(c)]
    if len(kept) < 3 or kept[-1].tag not in ("ul", "ol") or not _is_link_list(kept[-1]):
        return []
    heading = kept[-2]
    text = _text(heading)
    if (
        heading.tag in ("ul", "ol")
        or not _is_box_heading(heading)
        or text.endswith((":", ",", ";"))
    ):
        return []
    return [heading, kept[-1]] if not _holds_body(heading) else []
