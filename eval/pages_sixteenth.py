"""The sixteenth batch of real pages (issue 12, session 26, 2026-12-07): a DEVELOPMENT batch,
whose errors may be read and rules written from them.

Asked of htmldate's archive, which has no page left that passes the filter (see
`eval/data/real_quotes/README-sixteenth.md`), it comes from the tenth batch's source instead:
Postlight Parser's fixtures (github.com/postlight/parser at `eval.real_pages.POSTLIGHT_COMMIT`,
`fixtures/<site>.html`) that no batch took, of sites in no held-out batch.
"""

from __future__ import annotations

# (member, URL, published): the member is the fixture's path; the URL its canonical link (else
# og:url); the date its publication date, read by hand from its meta tags or date line.
# The choice (helper batch16, 2026-12-07): Postlight fixtures in no batch whose trafilatura text
# is English, of 150 to 1,500 words (the upper limit for time), with at least two double-marked
# spans of 15 characters or more and a speech verb, sorted by path and shuffled with
# random.Random(20261216) (/work/scratch/batch16/draw_postlight.py), gone through in that order,
# skipping sites of held-out batches (checked by script: wired.com, people.com, arstechnica.com,
# cnbc.com, mashable.com, washingtonpost.com) and keeping each English news report or analysis
# with at least two quotations of someone's words in double marks in the body, one page per site;
# that tier used up (10 pages), the fixtures over 1,500 words, shuffled the same way
# (draw_postlight2.py), until 11 pages and the time allowed.
# Left out, in order: forward.com (a first-person blog post built on tweets), deadspin.com--video
# (a 188-word snarky caption of a video), macrumors.com (no double-marked quotation in the
# body), slate.com and theverge.com (argued opinion), rollingstone.com (a magazine profile, not
# news), nationalgeographic.com (a magazine feature with one quotation of someone's words),
# postlight.com (a company blog post), www.msn.com (medicaldaily, one unnamed quotation, ending in a
# film list), reddit.com--embedded and linkedin.com (no news), msnbc.com (a blog's commentary),
# popsugar.com (a listicle), broadwayworld.com (a press release), thepoliticalinsider.com (opinion
# and readers' comments), genius.com (song lyrics); over 1,500 words: medium.com (a talk's text in
# the first person), bustle.com (a listicle), pastebin.com (no news), vox.com (argued analysis, an
# opinion). Labelled by hand and blind, before Analyst was run on any of them.
PAGES: tuple[tuple[str, str, str], ...] = (
    (  # Sciencefly (UPI copy), a false killer whale on video; a split quotation, 2
        "fixtures/sciencefly.com.html",
        "http://sciencefly.com/video-shows-false-killer-whale-snagging-tuna-bait/",
        "2016-12-23",
    ),
    (  # The New Yorker, the countdown to quantum computing (reported analysis); terms, 5
        "fixtures/www.newyorker.com.html",
        "https://www.newyorker.com/tech/annals-of-technology/"
        "hacking-cryptography-and-the-countdown-to-quantum-computing",
        "2016-09-26",
    ),
    (  # Uproxx, Giuliani out of the running for State; a statement, a fragment, 5
        "fixtures/uproxx.com.html",
        "https://uproxx.com/culture/rudy-giuliani-not-secretary-of-state/",
        "2016-12-09",
    ),
    (  # Observer, a lost city found in Greece; 2
        "fixtures/observer.com.html",
        "https://observer.com/2016/12/"
        "archaeologists-just-discovered-a-2500-year-old-lost-city-atop-a-greek-mountain-peak/",
        "2016-12-16",
    ),
    (  # America Now, Trump names Conway counselor; mixed marks, a tweet, 6
        "fixtures/www.americanow.com.html",
        "https://www.americanow.com/story/politics/2016/12/22/"
        "trump-names-kellyanne-conway-counselor-president",
        "2016-12-22",
    ),
    (  # San Diego Union-Tribune, SDSU seeks a stadium operator; a document's words, 3
        "fixtures/sandiegouniontribune.com.html",
        "https://www.sandiegouniontribune.com/business/growth-development/story/2019-08-27/"
        "sdsu-mission-valley-stadium-management-firm",
        "2019-08-27",
    ),
    (  # Deadline, Trump's branding advice to Boeing (tweets); 3
        "fixtures/deadline.com.html",
        "https://deadline.com/2019/04/donald-trump-boeing-max-737-rebrand-advice-twitter-1202595880/",
        "2019-04-15",
    ),
    (  # Inquisitr, Trump skipping intelligence briefings; embedded tweets, open paragraphs, 7
        "fixtures/www.inquisitr.com.html",
        "http://www.inquisitr.com/3790467/"
        "donald-trump-intelligence-briefings-security-president-elect-smart-mike-pence/",
        "2016-12-12",
    ),
    (  # Opposing Views, Icahn to advise Trump; two split quotations, 4
        "fixtures/www.opposingviews.com.html",
        "https://www.opposingviews.com/politics/trump-picks-investing-mogul-icahn-advise-him-finance-regulation",
        "2016-12-21",
    ),
    (  # LADbible, backlash over a graphic Covid-19 advertisement; colon cues, unnamed users, 7
        "fixtures/www.ladbible.com.html",
        "https://www.ladbible.com/news/"
        "latest-aussie-government-sparks-fury-over-graphic-and-confronting-covid-19-ad-20210711",
        "2021-07-11",
    ),
    (  # Los Angeles Times, the report on the 2015 school shutdown; a report speaks, 19
        "fixtures/www.latimes.com.html",
        "https://www.latimes.com/local/education/la-me-edu-report-on-la-school-shutdown-20161216-story.html",
        "2016-12-16",
    ),
)
