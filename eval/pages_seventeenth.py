"""The seventeenth batch of real pages (issue 12, 2026-12-07): a new blind measurement, HELD OUT
(its errors are not read and no rule may be written from it until the lead says otherwise).

Every known source of saved news pages had been used, so it comes from a new one: the saved test
pages of newspaper (github.com/codelucas/newspaper, MIT, `tests/data/html/<site><n>.html`, at
`eval.real_pages.NEWSPAPER3K_COMMIT`; the pages remain their publishers'), news pages of
2014-2015. newspaper4k, a fork whose 30 pages the eighth batch read, kept few of them: the pages
chosen here are in no other batch (checked by script: same file, same URL or same title as any
page of every earlier source, htmldate's archive included, and every label file and page list).
See `eval/data/real_quotes/README-seventeenth.md`.
"""

from __future__ import annotations

# (member, URL, published): the member is the page's path; the URL its og:url (else canonical
# link); the date its publication date, read by hand from its meta tags or date line.
# The choice (helper batch17, 2026-12-07): newspaper's test pages in no batch (not the same file,
# URL or title as a page of any earlier source), whose trafilatura text is English, of 150 to
# 1,500 words, with at least two double-marked spans of 15 characters or more and a speech verb,
# of sites in no held-out batch (checked by script), sorted by path and shuffled with
# random.Random(20261217) (/work/scratch/batch17/draw.py: 33 pages), gone through in that order,
# keeping each English news report with at least two quotations of someone's words in double
# marks in the body, one page per site, until 12 pages (the time allowed).
# Left out, in order: tnr.com1 (a letter of advice, opinion), cntraveler.com2 (a year-end list,
# no quotation of anyone), theonion.com1 (satire), adoption.com1 (a first-person blog post),
# elle.com2 (a listicle of holiday remarks), wetpaint.com2 (a contestant's profile, one quoted
# bio), pewresearch.org2 (a research blog's analysis quoting a paper), bostonherald.com1 (an Us
# Weekly question-and-answer interview), flavorwire.com2 (an essay, opinion), nypost.com1 (a
# second New York Post page), livescience.com2 (a Halloween explainer on zombies in film, not
# news), architecturaldigest.com1 (a magazine house feature), tnr.com2 (argued analysis),
# thedailybeast.com2 (a second Daily Beast page), youbeauty.com1 (a listicle). The twelfth page
# kept is the draw's 27th; its last six (gulflive.com1, al.com1, uproxx.com1, mlive.com2,
# technologyreview.com2, dailycaller.com1) were not taken (the
# first four were read before stopping, none labelled).
# Labelled by hand and blind, before Analyst was run on any of them.
PAGES: tuple[tuple[str, str, str], ...] = (
    (  # NOLA.com | The Times-Picayune, the Wein Jazz & Heritage Center opens; a split statement, 3
        "tests/data/html/nola.com1.html",
        "http://www.nola.com/jazzfest/index.ssf/2014/12/multi-million-dollar_george_an.html",
        "2014-12-11",
    ),
    (  # NJ.com, a Republican senator rips Christie's speech; partial quotes, a fragment, 17
        "tests/data/html/nj.com1.html",
        "http://www.nj.com/politics/index.ssf/2015/01/"
        "conservative_nj_senator_rips_christie_over_state_o.html",
        "2015-01-14",
    ),
    (  # The Daily Beast, the Vatican's report on American nuns; a report speaks, 12
        "tests/data/html/thedailybeast.com1.html",
        "http://www.thedailybeast.com/articles/2014/12/16/the-vatican-s-rare-nod-to-american-nuns.html",
        "2014-12-16",
    ),
    (  # MIT Technology Review, the fight over the CRISPR patents; terms and fragments, 14
        "tests/data/html/technologyreview.com1.html",
        "http://www.technologyreview.com/featuredstory/532796/"
        "who-owns-the-biggest-biotech-discovery-of-the-century/",
        "2014-12-04",
    ),
    (  # Daily Star, the Scottish Ebola patient named; statements over open paragraphs, 13
        "tests/data/html/dailystar.co.uk1.html",
        "http://www.dailystar.co.uk/news/latest-news/417544/Ebola-virus-Glasgow-Scotland-Sierra-Leone",
        "2014-12-30",
    ),
    (  # New York Post (Fox News), a surfer survives a great white; a yelled fragment, 3
        "tests/data/html/nypost.com2.html",
        "http://nypost.com/2014/12/29/surfer-survives-jaws-moment-with-great-white-shark/",
        "2014-12-29",
    ),
    (  # The Press-Enterprise, a woman accused of ordering a shooting; warrant documents, 6
        "tests/data/html/pe.com1.html",
        "http://www.pe.com/articles/perris-758171-police-exchange.html",
        "2015-01-14",
    ),
    (  # The Root, Sharpton answers his younger critics; 15
        "tests/data/html/theroot.com1.html",
        "http://www.theroot.com/articles/culture/2014/12/rev_sharpton_responds_to_his_critics.html",
        "2014-12-15",
    ),
    (  # New York Daily News, a Mob Wives star's boyfriend sues a club; fragments, 6
        "tests/data/html/nydailynews.com1.html",
        "http://www.nydailynews.com/new-york/brooklyn/"
        "boyfriend-mob-wives-star-sue-brooklyn-club-article-1.2078107",
        "2015-01-14",
    ),
    (  # The Globe and Mail, the search for AirAsia Flight 8501; 4
        "tests/data/html/theglobeandmail.com1.html",
        "http://www.theglobeandmail.com/news/world/airasia-search/article22224253/",
        "2014-12-29",
    ),
    (  # Live Science, magic mushrooms and the brain; a speaker surnamed Expert, 3
        "tests/data/html/livescience.com1.html",
        "http://www.livescience.com/48502-magic-mushrooms-change-brain-networks.html",
        "2014-10-29",
    ),
    (  # Vanity Fair, Gwyneth Paltrow on Howard Stern's show; pronouns, fragments, 15
        "tests/data/html/vanityfair.com1.html",
        "http://www.vanityfair.com/vf-hollywood/2015/01/gwyneth-paltrow-brad-pitt-ben-affleck-break-ups",
        "2015-01-14",
    ),
)
