"""The eighteenth batch of real pages (issue 12, 2026-12-07): a second blind measurement on
newspaper's saved test pages, HELD OUT (its errors are not read and no rule may be written from it
until the lead says otherwise).

The seventeenth batch stopped at 12 pages of its 33-candidate draw; this batch takes the rest of
that draw in its order, then the candidates over 1,500 words the seventeenth's length limit set
aside, shuffled the same way. The source is the same (github.com/codelucas/newspaper, MIT,
`tests/data/html/<site><n>.html`, at `eval.real_pages.NEWSPAPER3K_COMMIT`; the pages remain their
publishers'), and it is spent: only two of its pages are English news reports with quotations of
a site no held-out batch has. See `eval/data/real_quotes/README-eighteenth.md`.
"""

from __future__ import annotations

# (member, URL, published): the member is the page's path; the URL its og:url; the date its
# publication date, read by hand from its meta tags (article_date_original).
# The choice (helper batch18, 2026-12-07): the seventeenth's draw from its 28th candidate on
# (gulflive.com1, al.com1, uproxx.com1, mlive.com2, technologyreview.com2, dailycaller.com1, in
# its order), then newspaper's pages in no batch (not the same file, URL or title as a page of any
# earlier source, the seventeenth's included), English, of over 1,500 words, with at least two
# double-marked spans of 15 characters or more and a speech verb, of sites in no held-out batch,
# sorted by path and shuffled with random.Random(20261217) (/work/scratch/batch18/draw.py: 4
# pages); gone through in that order, keeping each English news report with at least two
# quotations of someone's words in double marks in the body, one page per site, no site of the
# seventeenth batch or of any held-out batch.
# Left out, in order: gulflive.com1 (a genealogy column of coming events, one quotation),
# uproxx.com1 (a first-person web-culture blog post with the writer's commentary and readers'
# comments), technologyreview.com2 (a site of the seventeenth batch), dailycaller.com1 (an opinion
# column), space.com1 (a reference page on Mars, no quotation of anyone), pewresearch.org1 (a
# research blog's analysis, with readers' comments), slate.com1 (an explanatory feature series of
# 14,000 words with readers' nominations), fool.com1 (an investment listicle of contributors'
# picks). No candidate is left: the source is spent.
# Labelled by hand and blind, before Analyst was run on any of them.
PAGES: tuple[tuple[str, str, str], ...] = (
    (  # AL.com, Lou Holtz on being right about Ohio State; a paragraph left open, 7
        "tests/data/html/al.com1.html",
        "http://www.al.com/sports/index.ssf/2014/12/lou_holtz_ohio_state_defender.html",
        "2014-12-29",
    ),
    (  # MLive.com, Suh steps on Aaron Rodgers; words after a question, a fragment, 9
        "tests/data/html/mlive.com2.html",
        "http://www.mlive.com/lions/index.ssf/2014/12/detroit_lions_ndamukong_suh_wi_2.html",
        "2014-12-28",
    ),
)
