"""The fourteenth batch of real pages (issue 12, session 23, 2026-12-07): a HELD-OUT batch,
labelled blind. No rule may be written from it and its errors are not read; only the lead
scores its quotes, with the session's final code.

Its pages are fundus's saved test pages (github.com/flairNLP/fundus at
`eval.real_pages.FUNDUS_COMMIT`,
`tests/resources/parser/test_data/<country>/<Site>_<date>.html.gz`),
of the sites a seeded draw gave this batch (the other half went to the thirteenth, so no site is
in both). Kept by the earlier batches' filter: English news reports and analyses with at least two
quotations of someone's words in double marks in the body, one page per site. The choice, the
labelling and the pages left out are in `eval/data/real_quotes/README-fourteenth.md`.
"""

from __future__ import annotations

# (member, URL, published): the member is the page's path in fundus's repository; the URL its
# canonical URL (else og:url); the date its publication date, read by hand from its meta tags or
# date line.
PAGES: tuple[tuple[str, str, str], ...] = ()
