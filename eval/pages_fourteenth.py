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
# The choice (helper fourteenth, 2026-12-07): the lead's seeded draw (/work/scratch/fundus/draw.py)
# gave this batch 25 sites, each with its pages in a drawn order. They were all gone through in the
# drawn order, taking a site's first listed page that passes the filter (English news report or
# news analysis, explainers and interview features included, with at least two quotations of
# someone's words in double marks in the body; not opinion, science papers, product reviews,
# listicles or live blogs; at most about 2,500 words of body, for time), one page per site: 20
# sites have one, all kept (the target was 15; the first 15 in the drawn order end with
# WashingtonTimes_2023_04_28). Labelled by hand and blind, before Analyst was run on any of them
# (eval/data/real_quotes/fundus14-*.json, committed in 15b9ceb). Close calls kept: TheMirror (a
# true-crime feature on events of 1986-87, taken as a report), EveningStandard (an interview of
# 2,473 words, just under the limit), NationalPost and BBC (explainers), ThePortugalNews (a
# consultancy's figures and words), Reuters_2023_05_16 and BBC_2024_08_01 (they pass only by
# partial quotes of one to five words, counted as quotations by the labelling rules). No URL is in
# an earlier label file, an earlier table or the thirteenth's (checked by script).
# Left out, in the drawn order: uk/TheMirror_2024_08_05 (a live blog of the riots, 4,200 words) and
# uk/TheMirror_2024_04_28 (a houseplant listicle), the site's third page taken instead;
# uk/TechRadar_2026_05_21 (a columnist's first-person comment: opinion; the site's only page);
# uk/Nature_2025_11_04 (a feature cut off halfway by a registration wall, a body paragraph lost by
# the extraction) and uk/Nature_2026_02_07 (2,700 words, for time); uk/Express_2024_07_18 (a live
# blog); us/TheNation_2024_01_11 (a columnist's argument: opinion) and us/TheNation_2023_05_15
# (3,000 words, for time); ca/NationalPost_2025_05_08 (3,900 words, for time), the site's second
# page taken instead; us/Wired_2024_04_28 (a product guide). The fixtures' file names carry their
# crawl dates; the published dates are the pages' own. BBC_2024_08_01 was first published on
# 2022-10-10 and updated on 2024-07-30 (its datePublished and dateModified): the saved text is the
# update's (Rachel Reeves as chancellor), so its date is the update's.
PAGES: tuple[tuple[str, str, str], ...] = (
    (  # TechCrunch, Strava's new features (AI against leaderboard cheats, a family plan); 12
        "tests/resources/parser/test_data/us/TechCrunch_2024_05_17.html.gz",
        "https://techcrunch.com/2024/05/16/"
        "strava-taps-ai-to-weed-out-leaderboard-cheats-unveils-family-plan-dark-mode-and-more/",
        "2024-05-16",
    ),
    (  # The Mirror, Gary Heidnik's crimes of 1986-87 (true crime); ten unnamed, 19
        "tests/resources/parser/test_data/uk/TheMirror_2026_01_06.html.gz",
        "https://www.mirror.co.uk/news/us-news/man-kept-six-women-chained-36501522",
        "2026-01-06",
    ),
    (  # Durban Local, a romance writers' convention in Cape Town; six authors, 11
        "tests/resources/parser/test_data/za/DurbanLocal_2025_11_09.html.gz",
        "https://durbanlocal.co.za/entertainment/2025-06-23-we-love-romance-declared-at-rom-con/",
        "2025-06-23",
    ),
    (  # CNBC, friends and new crypto buyers; a split quotation over two paragraphs, 10
        "tests/resources/parser/test_data/us/CNBC_2023_04_28.html.gz",
        "https://www.cnbc.com/2023/04/28/"
        "many-new-bitcoin-crypto-buyers-influenced-by-friends-why-to-be-cautious.html",
        "2023-04-28",
    ),
    (  # i, Britons win at the US Open; quotations over paragraphs, four with no cue, 12
        "tests/resources/parser/test_data/uk/iNews_2023_08_30.html.gz",
        "https://inews.co.uk/sport/tennis/"
        "us-open-2023-british-players-results-andy-murray-katie-boulter-cam-norrie-evans-"
        "burrage-draper-2580837",
        "2023-08-30",
    ),
    (  # The Portugal News, Portugal-based buyers of Alps property; one speaker, 6
        "tests/resources/parser/test_data/pt/ThePortugalNews_2025_02_03.html.gz",
        "https://www.theportugalnews.com/news/2025-01-31/"
        "portugal-emerges-as-a-french-alps-real-estate-investment/95254",
        "2025-01-31",
    ),
    (  # Daily News (Tanzania), Lindi's solar streetlights (a feature, 2019); first names, 14
        "tests/resources/parser/test_data/tz/DailyNewsTZ_2025_01_23.html.gz",
        "https://dailynews.co.tz/solar-powered-streetlights-boost-lindi-womens-businesses/",
        "2019-04-24",
    ),
    (  # The London Standard, a Tony Blair interview; answers with no cue, 32
        "tests/resources/parser/test_data/uk/EveningStandard_2024_10_24.html.gz",
        "https://www.standard.co.uk/news/politics/"
        "tony-blair-interview-london-standard-dylan-jones-ukraine-war-labour-keir-starmer-"
        "b1189828.html",
        "2024-10-24",
    ),
    (  # National Post, Kamala Harris's Montreal years (an explainer); her yearbook, 8
        "tests/resources/parser/test_data/ca/NationalPost_2024_08_28.html.gz",
        "https://nationalpost.com/news/canada/kamala-harris-childhood-montreal-canada",
        "2024-08-28",
    ),
    (  # The Citizen, Gauteng's storm warnings; a minister and his department, 5
        "tests/resources/parser/test_data/za/TheCitizen_2025_11_28.html.gz",
        "https://www.citizen.co.za/news/south-africa/severe-storms-gauteng-residents-flood-risks/",
        "2025-11-28",
    ),
    (  # Mexico News Daily, Mexico answers US steel tariffs (2025-02-11); ellipses, 14
        "tests/resources/parser/test_data/mx/MexicoNewsDaily_2025_04_16.html.gz",
        "https://mexiconewsdaily.com/news/"
        "bad-idea-mexico-pushes-back-trump-universal-steel-tariffs/",
        "2025-02-11",
    ),
    (  # Lesotho Times, a quarry's blasts and its chiefs; quotations with no cue, 17
        "tests/resources/parser/test_data/ls/LesothoTimes_2025_11_24.html.gz",
        "https://lestimes.com/mining-blasts-shatter-homes/",
        "2025-11-21",
    ),
    (  # Malay Mail, who paid for the PM's trips; one speaker over paragraphs, 6
        "tests/resources/parser/test_data/my/MalayMail_2024_11_22.html.gz",
        "https://www.malaymail.com/news/malaysia/2024/11/22/"
        "all-paid-their-own-way-on-pm-anwars-foreign-trips-fahmi-clarifies/157698",
        "2024-11-22",
    ),
    (  # Reuters, Nepal disputes a flydubai bird strike (2023-04-25); one-word quotations, 3
        "tests/resources/parser/test_data/us/Reuters_2023_05_16.html.gz",
        "https://www.reuters.com/business/aerospace-defense/"
        "nepal-says-no-proof-flydubai-plane-suffered-bird-strike-2023-04-25/",
        "2023-04-25",
    ),
    (  # The Washington Times (AP), Indiana's budget; no date tag (the URL's day), 9
        "tests/resources/parser/test_data/us/WashingtonTimes_2023_04_28.html.gz",
        "https://www.washingtontimes.com/news/2023/apr/28/"
        "indiana-governor-endorses-revised-gop-state-budget/",
        "2023-04-28",
    ),
    (  # Financial Post, economists on Canada's May jobs data; a misspelt name, 17
        "tests/resources/parser/test_data/ca/FinancialPost_2026_06_06.html.gz",
        "https://financialpost.com/news/economy/economists-weigh-in-jobs-report",
        "2026-06-05",
    ),
    (  # BBC News, what the OBR does (an explainer updated 2024-07-30); three fragments, 3
        "tests/resources/parser/test_data/uk/BBC_2024_08_01.html.gz",
        "https://www.bbc.com/news/explainers-63159607",
        "2024-07-30",
    ),
    (  # The Intercept, Aaron Bushnell's Reddit posts; a handle as speaker, 18
        "tests/resources/parser/test_data/us/TheIntercept_2024_02_28.html.gz",
        "https://theintercept.com/2024/02/28/aaron-bushnell-reddit-fire-protest-israel-palestine/",
        "2024-02-28",
    ),
    (  # TimesLIVE, day one of Zuma-Sambudla's trial; many partial quotes, 16
        "tests/resources/parser/test_data/za/TimesLive_2025_11_10.html.gz",
        "https://www.sundaytimes.timeslive.co.za/news/"
        "2025-11-10-dududzile-zuma-sambudlas-legal-team-argues-state-has-been-spying-on-her-way-"
        "before-july-riots/",
        "2025-11-10",
    ),
    (  # Global News (AP), Russia strikes Kyiv; partial quotes, residents, 11
        "tests/resources/parser/test_data/ca/GlobalNews_2026_05_24.html.gz",
        "https://globalnews.ca/news/11862251/russia-missile-attack-kyiv-ukraine/",
        "2026-05-24",
    ),
)
