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
# The choice (helper fifteenth, 2026-12-07): the pages on the thirteenth's side of the lead's
# seeded draw (/work/scratch/fundus/draw.py) that the thirteenth did not take, gone through in
# this order: na/TheNamibian_2023_11_16, au/NineNews_2024_05_02, us/RollingStone_2024_04_25,
# au/WestAustralian_2024_11_26, us/TheNewYorker_2023_05_16, uk/EuronewsEN_2026_01_06,
# za/DailyMaverick_2025_05_22, us/VoiceOfAmerica_2024_04_28, ca/TheGlobeAndMail_2024_08_28,
# us/RestOfWorld_2025_10_21, us/BusinessInsider_2024_02_14, uk/DailyStar_2024_04_23; each page
# that passes the filter (English news report or news analysis with at least two quotations of
# someone's words in double marks in the body; not opinion, newsletters, product reviews, listicles
# or live blogs; no length limit) was kept, at most one Euronews page. Labelled by hand and blind,
# before Analyst was run on any of them (eval/data/real_quotes/fundus15-*.json, committed in
# c5dcc7b); close calls kept: NineNews_2024_05_02 (an AP explainer tied to the release of the
# Epstein records, taken as news analysis), RestOfWorld_2025_10_21 (a long reported feature, 2,558
# words), WestAustralian_2024_11_26 (a short report with exactly two quotations). No URL is in an
# earlier label file (checked by script).
# Left out: us/TheNewYorker_2023_05_16 (a long first-person magazine feature, not a report; and
# trafilatura's text stops about half way through its body); uk/EuronewsEN_2024_04_30 (the site's
# other page taken: at most one Euronews page); ca/TheGlobeAndMail_2024_08_28 (the "Business
# Brief" newsletter: briefs and a commentary in the writer's voice, one full quotation);
# us/BusinessInsider_2024_02_14 (a ranked listicle of outfits, no quotation) and
# uk/DailyStar_2024_04_23 (a tour operator's booking tips under six subheadings, a listicle ending
# in its advertisement), both as the thirteenth had found.
PAGES: tuple[tuple[str, str, str], ...] = (
    (  # The Namibian, environmentalists against a green hydrogen pipeline; paragraphs left open, 18
        "tests/resources/parser/test_data/na/TheNamibian_2023_11_16.html.gz",
        "https://namibian.com.na/nam-sa-green-hydrogen-pipeline-flagged/",
        "2023-11-15",
    ),
    (  # Nine News (AP copy), what is known about Epstein after the records' release (explainer,
        # dated by its byline, not the file name); 8
        "tests/resources/parser/test_data/au/NineNews_2024_05_02.html.gz",
        "https://www.9news.com.au/world/"
        "usa-jeffrey-epstein-documents-released-but-some-questions-remain-unanswered/"
        "141e61e9-8a07-42e4-a527-2f03f45e7ef0",
        "2024-01-07",
    ),
    (  # Rolling Stone, Donna Kelce on Taylor Swift's album; two Kelces, song lyrics; 8
        "tests/resources/parser/test_data/us/RollingStone_2024_04_25.html.gz",
        "https://www.rollingstone.com/music/music-news/"
        "donna-kelce-taylor-swift-the-tortured-poets-department-best-work-1235010328/",
        "2024-04-25",
    ),
    (  # The West Australian, Labor on track for its 2030 target (short; Perth date); 2
        "tests/resources/parser/test_data/au/WestAustralian_2024_11_26.html.gz",
        "https://thewest.com.au/politics/federal-politics/"
        "climate-change-labor-on-track-to-hit-2030-target-as-chris-bowen-heralds-pragmatic-approach-to-energy-shift-c-16879335",
        "2024-11-26",
    ),
    (  # Euronews, Trump's Venezuelan oil pitch (analysis); fragments, a bank's note, 13
        "tests/resources/parser/test_data/uk/EuronewsEN_2026_01_06.html.gz",
        "https://www.euronews.com/2026/01/06/"
        "as-trump-pitches-venezuelan-oil-dream-for-us-companies-experts-warn-it-wont-be-cheap-or-ea",
        "2026-01-06",
    ),
    (  # Daily Maverick, the ICJ's hearings on Israel's aid obligations (dated by its meta and URL,
        # not the file name); a state's written submission, long titles, 28
        "tests/resources/parser/test_data/za/DailyMaverick_2025_05_22.html.gz",
        "https://www.dailymaverick.co.za/article/"
        "2025-05-03-icj-concludes-hearings-on-israel-aid-obligations-in-gaza/",
        "2025-05-03",
    ),
    (  # Voice of America (AP copy), the child care crisis and mothers without degrees; 9
        "tests/resources/parser/test_data/us/VoiceOfAmerica_2024_04_28.html.gz",
        "https://www.voanews.com/a/"
        "america-s-child-care-crisis-is-holding-back-moms-without-college-degrees-/7585813.html",
        "2024-04-28",
    ),
    (  # Rest of World, Oman's Etlaq spaceport (a long reported feature); 24
        "tests/resources/parser/test_data/us/RestOfWorld_2025_10_21.html.gz",
        "https://restofworld.org/2025/oman-space-industry-launchpad-satellites/",
        "2025-10-21",
    ),
)
