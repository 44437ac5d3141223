"""The fifteenth batch of real pages (issue 12, session 23, 2026-12-07): a second DEVELOPMENT
batch from fundus, whose errors may be read and rules written from them.

Its pages are fundus's saved test pages (github.com/flairNLP/fundus at
`eval.real_pages.FUNDUS_COMMIT`,
`tests/resources/parser/test_data/<country>/<Site>_<date>.html.gz`) on the thirteenth batch's side
of the seeded draw (so no site is in the held-out fourteenth) that the thirteenth did not take:
its unread sites and second pages of its sites. Kept by the earlier batches' filter: English news
reports and analyses with at least two quotations of someone's words in double marks in the
body. The choice, the labelling and the pages left out are in
`eval/data/real_quotes/README-fifteenth.md`.
"""

from __future__ import annotations

# (member, URL, published): the member is the page's path in fundus's repository; the URL its
# canonical URL (else og:url); the date its publication date, read by hand from its meta tags or
# date line.
PAGES: tuple[tuple[str, str, str], ...] = ()
