"""The thirteenth batch of real pages (issue 12, session 23, 2026-12-07): a DEVELOPMENT batch,
whose errors may be read and rules written from them.

Its pages are fundus's saved test pages (github.com/flairNLP/fundus at
`eval.real_pages.FUNDUS_COMMIT`,
`tests/resources/parser/test_data/<country>/<Site>_<date>.html.gz`),
of the sites a seeded draw gave this batch (the other half went to the fourteenth, so no site is
in both). Kept by the earlier batches' filter: English news reports and analyses with at least two
quotations of someone's words in double marks in the body, one page per site. The choice, the
labelling and the pages left out are in `eval/data/real_quotes/README-thirteenth.md`.
"""

from __future__ import annotations

# (member, URL, published): the member is the page's path in fundus's repository; the URL its
# canonical URL (else og:url); the date its publication date, read by hand from its meta tags or
# date line.
# The choice (helper thirteenth, 2026-12-07): the lead's seeded draw (/work/scratch/fundus/draw.py)
# gave this batch 26 sites, each with its pages in a drawn order. They were gone through in the
# drawn order, taking a site's first listed page that passes the filter (English news report or
# news analysis with at least two quotations of someone's words in double marks in the body; not
# opinion, science papers, product reviews, listicles or live blogs; at most about 2,500 words of
# body, for time), one page per site, until 15 pages were labelled. Labelled by hand and blind,
# before Analyst was run on any of them (eval/data/real_quotes/fundus13-*.json, committed in
# 2de654d); close calls kept: BusinessInsider_2025_04_01 (a reported feature under subheadings,
# taken as a report, not a listicle), CanadaCom_2026_06_06 (travel news under an affiliate notice,
# not a product review), FreeBeacon_2023_04_28 (a partisan site's report). No URL is in an earlier
# label file (checked by script).
# Left out, in the drawn order: us/TheGatewayPundit_2026_07_19 (commentary stitched from tweets and
# block quotations of other papers: opinion); us/LATimes_2023_06_26 (a listicle of the Coliseum's
# events and plaques); us/RestOfWorld_2025_10_21 (a feature of 2,558 words: over the limit, for
# time); uk/TheSun_2024_04_22 (a "Who is ...?" question-and-answer explainer, not a report);
# us/BusinessInsider_2024_02_14 (a ranked listicle of outfits, no quotation) and
# uk/DailyStar_2024_04_23 (travel booking tips under six subheadings), each site's second page
# taken instead. Not read: the seven sites after the fifteenth page in the drawn order
# (RollingStone, WestAustralian, TheNewYorker, EuronewsEN, DailyMaverick, VoiceOfAmerica,
# TheGlobeAndMail): the target of 15 pages was reached first; they are in no batch.
PAGES: tuple[tuple[str, str, str], ...] = (
    (  # Politico Europe, Catherine Connolly poised to win Ireland's presidency (analysis); 8
        "tests/resources/parser/test_data/be/PoliticoEu_2025_10_23.html.gz",
        "https://www.politico.eu/article/"
        "catherine-connolly-socialist-critic-nato-eu-poised-win-ireland-presidency/",
        "2025-10-23",
    ),
    (  # CBC News, Gaza after Sinwar's appointment; Palestinians, analysts, two men named Amer, 24
        "tests/resources/parser/test_data/ca/CBCNews_2024_08_08.html.gz",
        "https://www.cbc.ca/news/world/gaza-israel-ceasefire-negotiations-sinwar-1.7287711",
        "2024-08-08",
    ),
    (  # Fox News, the House China committee's letter to the FBI (the committee's words); 15
        "tests/resources/parser/test_data/us/FoxNews_2023_04_28.html.gz",
        "https://www.foxnews.com/politics/"
        "house-china-committee-demands-answers-fbi-chinese-police-stations-us",
        "2023-04-26",
    ),
    (  # The Japan News, party leaders' debate before the Oct. 27 election; unnamed askers, 12
        "tests/resources/parser/test_data/jp/TheJapanNews_2024_10_13.html.gz",
        "https://japannews.yomiuri.co.jp/politics/politics-government/20241013-216478/",
        "2024-10-13",
    ),
    (  # Taipei Times, US-Philippine drills, a sideswiped boat (og:url; teasers after the body); 8
        "tests/resources/parser/test_data/tw/TaipeiTimes_2024_10_15.html.gz",
        "https://www.taipeitimes.com/News/front/archives/2024/10/16/2003825372",
        "2024-10-16",
    ),
    (  # The Times of India, Pakistan's army and 'digital terrorism' (analysis; many terms); 8
        "tests/resources/parser/test_data/ind/TimesOfIndia_2024_09_02.html.gz",
        "https://timesofindia.indiatimes.com/world/pakistan/"
        "anti-terror-op-turns-sinister-pakistani-netizens-being-walled-off-as-army-raises-spectre-of-digital-terrorism/articleshow/112898501.cms",
        "2024-09-02",
    ),
    (  # The Telegraph, Starmer's gifts from Lord Alli; colon cues, a party's letter, 17
        "tests/resources/parser/test_data/uk/TheTelegraph_2024_09_17.html.gz",
        "https://www.telegraph.co.uk/politics/2024/09/16/"
        "keir-victoria-starmer-clothes-row-lord-alli/",
        "2024-09-16",
    ),
    (  # Ottawa Citizen, IRCC's office space and the return to office; spokespeople, 5
        "tests/resources/parser/test_data/ca/OttawaCitizen_2026_05_26.html.gz",
        "https://ottawacitizen.com/public-service/ircc-gave-up-office-space",
        "2026-05-25",
    ),
    (  # The Namibian, Mbumba recounts Geingob's last days; paragraphs left open, 15
        "tests/resources/parser/test_data/na/TheNamibian_2024_02_20.html.gz",
        "https://ww2.namibian.com.na/mbumba-recountsgeingobs-last-days/",
        "2024-02-20",
    ),
    (  # AP, the campaigns' sprint to Election Day (analysis); poll items as not_quotes, 13
        "tests/resources/parser/test_data/us/APNews_2024_09_03.html.gz",
        "https://apnews.com/article/"
        "trump-harris-presidential-election-2024-labor-day-151f82b59473d29a448ef1cea9afe471",
        "2024-09-03",
    ),
    (  # Canada.com, a Jasper resort reopens (travel news); 3
        "tests/resources/parser/test_data/ca/CanadaCom_2026_06_06.html.gz",
        "https://o.canada.com/travel/iconic-jasper-resort-reopens-after-100m-revamp",
        "2026-06-05",
    ),
    (  # Business Insider, changes after bariatric surgery (a reported feature, one speaker); 14
        "tests/resources/parser/test_data/us/BusinessInsider_2025_04_01.html.gz",
        "https://www.businessinsider.com/bariatric-surgery-weight-loss-changes-unexpected-2025-3",
        "2025-03-29",
    ),
    (  # Nine News (AP copy), Trump on the birthright citizenship ruling (UTC date); 10
        "tests/resources/parser/test_data/au/NineNews_2026_07_04.html.gz",
        "https://www.nine.com.au/world-news/usa/"
        "supreme-court-upholds-birthright-citizenship-rejecting-trump-s-proposed-limits-20260701-p60bhj.html",
        "2026-06-30",
    ),
    (  # Washington Free Beacon, Soros donations to Sen. Jon Tester; partial quotes, 9
        "tests/resources/parser/test_data/us/FreeBeacon_2023_04_28.html.gz",
        "https://freebeacon.com/democrats/"
        "soros-family-gives-early-financial-support-to-montana-moderate-jon-tester/",
        "2023-04-28",
    ),
    (  # Daily Star, Marina Lacerda on Epstein; colon cues, retold words, 14
        "tests/resources/parser/test_data/uk/DailyStar_2026_04_20.html.gz",
        "https://www.dailystar.co.uk/news/latest-news/epstein-raped-girl-model-same-37041208",
        "2026-04-20",
    ),
)
