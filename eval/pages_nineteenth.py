"""The nineteenth batch of real pages (issue 12, session 29, 2026-12-07): a DEVELOPMENT batch for
dated events, whose errors may be read and rules written from them.

Why: the development pages were mined out and rule rounds had come to learn from Timeline17's
text, cleaner than real pages; this batch gives fresh real pages whose dated events were judged
by hand once, before any rule was written from them (its first figure is a blind estimate).

It comes from htmldate's archive (`eval.real_pages.ARCHIVE`, the first batches' source): pages no
earlier batch used, chosen for dated events in their text rather than for quotations (the
archive's news pages with two quotations were all taken by the sixth batch), quotations labelled
where there are any (`quotes_optional`, as the twelfth).
"""

from __future__ import annotations

# (member, URL, published): the member is the page's path in the archive; the URL and the date are
# htmldate's gold (`eval_default.json`, `eval_mediacloud_2020.json`), the date read by hand there.
# The choice (helper batch19, 2026-12-07; /work/scratch/batch19/candidates.py): every catalogued
# page of the archive in none of DEV, TEST, FIFTH and SIXTH (819 pages) was extracted with
# trafilatura and counted: words, a share of common English words, weekdays ('yesterday', 'last
# week'), month names and years. The pages with 100 words or more (40 or more for a short report),
# English text and at least one date word (98 pages) were sorted by title, site and counts, the
# 36 that looked like news read in full, and every English news report or news analysis holding
# past dated events was kept, one page per site; none is the same
# file, URL (htmldate's gold, every label file, every mirrored batch's table) or title as a page of
# an earlier batch (checked by script, /work/scratch/batch19/dupcheck.py). Left out: not news (a
# wiki, fiction, recipes, how-tos, programmers' blogs, academic papers, listicles, a dating-site
# page, a benefits-data page, a company's about page, jokes for kids, a buying guide, a tweet
# round-up: thepoke.com-Waddingham); opinion and essays (1805697156 baltimoresun column,
# villagevoice.com-Party, 1487058344, Newsnet.scot-growth, newrepublic, nymag, harpers, aclu);
# a conspiracy blog (0a3108e507c54157a95fe7a1338f5e9c, investmentwatchblog.com); a radio show's
# page (1592175395, sputniknews.com); live and results pages (corkbeo.ie.level,
# sports.ndtv.com-Cricket-World-Cup, telegraph.co.uk-WTA, 1727473717); a sports preview
# (denverpost.com-Colorado) and game notes (phillyvoice.com-Sixers); restaurant and music reviews
# (metrotimes, scottishfield, riverfronttimes, 1795915731); a mining company's promoted report
# (1711399465, thewest.com.au); a third Storm Ciaran page from a content farm
# (surgezirc.co.uk-Storm); an open-letter campaign page of 5,290 words (dailymail.co.uk.food);
# citylimits.org-Nycha.htm (a video page saved as .htm); a meteor-shower explainer
# (News4max.com-orionids); a CEO-letter compilation (1627298010); and the non-English pages.
# Labelled by hand and blind, before Analyst was run on any of them.
PAGES: tuple[tuple[str, str, str], ...] = (
    (  # Reuters, Skoda's 2019 deliveries "on Monday"; no quotation
        "tests/test_set/1493638362.html",
        "http://feeds.reuters.com/~r/reuters/businessNews/~3/UjOBluJTi0o/volkswagens-skoda-auto-"
        "2019-deliveries-dip-to-1-24-million-cars-due-to-weaker-sales-in-china-idUSKBN1ZC1DA",
        "2020-01-13",
    ),
    (  # The Frontier Post (Pakistan), newborns' deaths "on Sunday"; no quotation
        "tests/test_set/1535415671.html",
        "https://thefrontierpost.com/two-newborns-die-for-want-of-oxygen-at-bhakkar-hospital/",
        "2020-03-01",
    ),
    (  # National Post (Reuters), Macron "on Monday"; no quotation
        "tests/test_set/1549542851.html",
        "http://nationalpost.com/pmn/health-pmn/"
        "frances-macron-condemns-unilateral-border-control-measures-over-coronavirus",
        "2020-03-16",
    ),
    (  # News18 (India), an arrest "on Monday", riots "last month"; no quotation
        "tests/test_set/1549579884.html",
        "https://www.news18.com/news/india/suspended-aap-councillor-tahir-hussain-arrested-in-"
        "delhi-court-over-ib-staffers-murder-2538473.html",
        "2020-03-16",
    ),
    (  # The Register-Guard, a surrender "Monday" after "an April 8 shooting"; no quotation
        "tests/test_set/1577551432.html",
        "https://www.registerguard.com/news/20200413/second-suspect-in-shooting-turns-himself-in"
        "?rssfeed=true",
        "2020-04-13",
    ),
    (  # WABC, Penn Station closing "Starting on Sunday"; no quotation
        "tests/test_set/1594754655.html",
        "https://abc7ny.com/traffic/penn-station-to-close-overnight-for-cleaning/6144149/",
        "2020-05-01",
    ),
    (  # The Mirror (sport), a June 15 deadline; no quotation
        "tests/test_set/1602142656.html",
        "https://www.mirror.co.uk/sport/football/transfer-news/"
        "arsenal-set-pierre-emerick-aubameyang-22002407",
        "2020-05-09",
    ),
    (  # Seattle P-I (AP), the Derby's draw "on Tuesday"; no quotation
        "tests/test_set/1699121936.html",
        "https://www.seattlepi.com/sports/article/"
        "Tiz-the-Law-draws-No-17-post-as-3-5-Kentucky-15530833.php",
        "2020-09-01",
    ),
    (  # KDVR (Denver), crime rates by year; no quotation
        "tests/test_set/1731257347.html",
        "https://kdvr.com/news/auroras-violent-crime-rate-ranks-3rd-out-of-colorados-ten-largest-"
        "cities/",
        "2020-10-06",
    ),
    (  # Breaking Soup, a game "on Sunday"; no quotation
        "tests/test_set/1732261760.html",
        "https://www.breakingsoup.com/south-park-characters-fill-empty-seats-at-denver-broncos-"
        "games/",
        "2020-09-28",
    ),
    (  # WHNT (NewsNation), "earlier this week", "in October"; no quotation
        "tests/test_set/1775625776.html",
        "https://whnt.com/news/don-trump-jr-tests-positive-for-coronavirus/",
        "2020-11-20",
    ),
    (  # KentNews.Online, arrests and a sentencing on full dates; single marks only
        "tests/eval/KentNews.online-prison.html",
        "https://www.kentnews.online/lengthy-prison-sentences-for-two-thanet-drug-dealers/",
        "2023-11-09",
    ),
    (  # Channel 4 News, "yesterday's attack"; no quotation
        "tests/eval/channel4.com-Israel.html",
        "https://www.channel4.com/news/israel-hunts-hamas-leaders-in-gaza-foreigners-and-wounded-"
        "allowed-to-leave-for-first-time",
        "2023-11-01",
    ),
    (  # Heartland Newsfeed, a police blotter of dated entries; no quotation
        "tests/eval/heartlandnewsfeed.com-Christian.html",
        "https://www.heartlandnewsfeed.com/2023/10/27/christian-county-police-blotters/",
        "2023-10-27",
    ),
    (  # Metro, Storm Ciaran, "Yesterday", 1987; single marks only
        "tests/eval/metro.co.uk-Storm.html",
        "https://metro.co.uk/2023/11/02/what-is-a-sting-jet-and-will-storm-ciaran-bring-one-to-the-"
        "uk-19761324/?ico=top-stories_home_top",
        "2023-11-02",
    ),
    (  # Northern Ireland World, a theft "on August 11", court "on Tuesday, November 7"
        "tests/eval/northernirelandworld.com-theft.html",
        "https://www.northernirelandworld.com/news/crime/woman-fined-for-theft-of-cat-treats-4403259",
        "2023-11-09",
    ),
    (  # Phys.org, a paper's find; no quotation
        "tests/eval/phys.org.tool.html",
        "https://phys.org/news/2019-10-flint-flake-tool-partially-birch.html",
        "2019-10-22",
    ),
    (  # The News (Portsmouth), a market "on November 4 and 5"; no quotation
        "tests/eval/portsmouth.co.uk-Christmas.html",
        "https://www.portsmouth.co.uk/news/people/christmas-in-hampshire-fareham-indoor-christmas-"
        "market-to-take-place-this-weekend-heres-everything-you-need-to-know-4396092",
        "2023-11-03",
    ),
    (  # Published Reporter, 2023 the hottest year; a fragment, 1
        "tests/eval/publishedreporter.com-Hottest.html",
        "https://www.publishedreporter.com/2023/11/08/scientists-confirm-2023-as-hottest-year-ever-"
        "in-the-making/",
        "2023-11-08",
    ),
    (  # The Conversation, Storm Ciaran "overnight on November 1"; a partial quote, 1
        "tests/eval/theconversation.com-Storm.html",
        "https://theconversation.com/storm-ciaran-is-breaking-records-and-research-suggests-more-"
        "severe-weather-in-future-216842",
        "2023-11-02",
    ),
    (  # WalesOnline, a body found "on Wednesday, November 1"; 1
        "tests/eval/walesonline.co.uk-beach.html",
        "https://www.walesonline.co.uk/news/wales-news/womans-body-found-popular-beach-28031617",
        "2023-11-02",
    ),
    (  # WHDH 7News, a stabbing "Wednesday night"; no quotation
        "tests/eval/whdh.com-Roxbury.html",
        "https://whdh.com/news/police-investigating-after-2-people-stabbed-another-assaulted-in-"
        "roxbury/",
        "2023-11-08",
    ),
    (  # WIVB, charges the U.S. Attorney's office announced "Wednesday"; no quotation
        "tests/eval/wivb.com-offenses.html",
        "https://www.wivb.com/news/local-news/erie-county/lancaster/registered-sex-offender-"
        "charged-with-new-child-pornography-offenses/",
        "2023-11-08",
    ),
    (  # KBS World Radio, a cold wave "Tuesday", colder "Wednesday"; no quotation
        "tests/eval/world.kbs.co.kr-Temperatures.html",
        "https://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=181595",
        "2023-11-07",
    ),
)
