import XCTest
@testable import PlanQ

/// Codes, numbers, dates, ratings, periods, text cleaning and header synonyms.
final class NormalizerTests: XCTestCase {
    func testCodes() {
        XCTAssertEqual(CodeNormalizer.code(in: "NI 151 Overall employment rate"), "NI 151")
        XCTAssertEqual(CodeNormalizer.code(in: "NI4 0 Number of drug users"), "NI 40")
        XCTAssertEqual(CodeNormalizer.code(in: "NI175: Access to services"), "NI 175")
        XCTAssertEqual(CodeNormalizer.code(in: "% of people who feel they can influence decisions (NI 4)"), "NI 4")
        XCTAssertEqual(CodeNormalizer.code(in: "PSA 9"), "PSA 9")
        XCTAssertEqual(CodeNormalizer.code(in: "NI 1 2008 survey"), "NI 1")
        XCTAssertNil(CodeNormalizer.code(in: "Local Priority Target"))
        XCTAssertNil(CodeNormalizer.code(in: "NI 450 is not a code"))
        XCTAssertEqual(CodeNormalizer.strippingCode("NI175: Access to services"), "Access to services")
        XCTAssertEqual(CodeNormalizer.ref("CS D P014"), "CSDP014")
        XCTAssertEqual(CodeNormalizer.ref("POL6- 1.11"), "POL6-1.11")
        XCTAssertEqual(CodeNormalizer.ref("1."), "1")
    }

    /// Sub-indicators keep their letter as a part; the code stays the National Indicator's.
    func testCodeParts() {
        XCTAssertEqual(CodeNormalizer.find(in: "NI 195a Improved street cleanliness: litter")?.code, "NI 195")
        XCTAssertEqual(CodeNormalizer.find(in: "NI 195a Improved street cleanliness: litter")?.part, "a")
        XCTAssertEqual(CodeNormalizer.find(in: "applications within 8 weeks (NI 157B)")?.part, "b")
        XCTAssertEqual(CodeNormalizer.strippingCode("NI 195b Detritus"), "Detritus")
        // A code glued to the first word of its title has no part.
        XCTAssertEqual(CodeNormalizer.find(in: "NI 8Adult participation in sport")?.code, "NI 8")
        XCTAssertNil(CodeNormalizer.find(in: "NI 8Adult participation in sport")?.part)
        XCTAssertNil(CodeNormalizer.find(in: "NI4 0 Number of drug users")?.part)
        XCTAssertEqual(CodeNormalizer.find(in: "NI 195c 12 sites")?.part, "c")
        XCTAssertEqual(CodeNormalizer.strippingCode("NI 195c 12 sites"), "12 sites")
        var r: [String: String] = [:]
        XCTAssertEqual(CodeNormalizer.setCode(&r, from: "NI 195d fly-posting"), "NI 195")
        XCTAssertEqual(r, ["code": "NI 195", "code_part": "d"])
    }

    func testNumbers() {
        let a = NumberNormalizer.read("65.8% (2007/08) Data Source: Annual Population Survey")
        XCTAssertEqual(a.value, 65.8)
        XCTAssertEqual(a.unit, "%")
        XCTAssertEqual(a.period, "2007/08")
        let b = NumberNormalizer.read("£440.60 per week ONS/NOMIS 2007")
        XCTAssertEqual(b.value, 440.6)
        XCTAssertEqual(b.unit, "£ per week")
        XCTAssertNil(NumberNormalizer.read("TBC").value)
        XCTAssertNil(NumberNormalizer.read("Unable to set targets, will seek to include in annual refresh for 2009/10").value)
        XCTAssertNil(NumberNormalizer.read("N/A").value)
        XCTAssertEqual(NumberNormalizer.read("Summer 2007 = 33%").value, 33)
        XCTAssertEqual(NumberNormalizer.read("27.90% (NI116)").value, 27.9)
        XCTAssertEqual(NumberNormalizer.read("-8.50%").value, -8.5)
        XCTAssertEqual(NumberNormalizer.read("23 (SBS November 2006)").value, 23)
        XCTAssertEqual(NumberNormalizer.read("15 2004/05").value, 15)
        XCTAssertEqual(NumberNormalizer.read("1,300,000").value, 1_300_000)
        XCTAssertEqual(NumberNormalizer.read("Current Y6 cohort 20%").value, 20)
        XCTAssertEqual(NumberNormalizer.format(66.0), "66")
        XCTAssertEqual(NumberNormalizer.format(66.8), "66.8")
    }

    func testDates() {
        XCTAssertEqual(DateNormalizer.iso("31 March 2009"), "2009-03-31")
        XCTAssertEqual(DateNormalizer.iso("March 2009"), "2009-03-31")
        XCTAssertEqual(DateNormalizer.iso("Match 09"), "2009-03-31")
        XCTAssertEqual(DateNormalizer.iso("De c 2008"), "2008-12-31")
        XCTAssertEqual(DateNormalizer.iso("Apr 20 09"), "2009-04-30")
        XCTAssertEqual(DateNormalizer.iso("Sept 08"), "2008-09-30")
        XCTAssertEqual(DateNormalizer.iso("31/03/2009 To be submitted in May 2009"), "2009-03-31")
        XCTAssertEqual(DateNormalizer.iso("31.3.09"), "2009-03-31")
        XCTAssertEqual(DateNormalizer.iso("This project ends in December 2010"), "2010-12-31")
        XCTAssertEqual(DateNormalizer.iso("Feb 2012"), "2012-02-29")
        XCTAssertEqual(DateNormalizer.iso("28 th April 2009"), "2009-04-28")
        XCTAssertNil(DateNormalizer.iso("Ongoing"))
        XCTAssertNil(DateNormalizer.iso(""))
    }

    func testRatings() {
        XCTAssertEqual(RatingNormalizer.read("Amber (High-Possible)"), Rating(status: "amber", impact: "high", likelihood: "possible"))
        XCTAssertEqual(RatingNormalizer.read("Amber (Impact-High, Likelihood-Possible)"), Rating(status: "amber", impact: "high", likelihood: "possible"))
        XCTAssertEqual(RatingNormalizer.read("Medium - likely"), Rating(status: nil, impact: "medium", likelihood: "likely"))
        XCTAssertEqual(RatingNormalizer.read("Green (High-Unlikley)"), Rating(status: "green", impact: "high", likelihood: "unlikely"))
        XCTAssertEqual(RatingNormalizer.read("Red"), Rating(status: "red"))
        XCTAssertEqual(RatingNormalizer.read("H"), Rating(priority: "high"))
        XCTAssertEqual(RatingNormalizer.read("\u{041C}"), Rating(priority: "medium"), "Cyrillic М is read as M")
        XCTAssertEqual(RatingNormalizer.status(in: "Am ber"), "amber")
    }

    func testPeriods() {
        XCTAssertEqual(PeriodNormalizer.period(in: "Target 2008/09"), "2008/09")
        XCTAssertEqual(PeriodNormalizer.period(in: "Plan 2008 / 09"), "2008/09")
        XCTAssertEqual(PeriodNormalizer.period(in: "<u>08/09</u>"), "2008/09")
        XCTAssertEqual(PeriodNormalizer.period(in: "2008/2009"), "2008/09")
        XCTAssertEqual(PeriodNormalizer.period(in: "End of LAA Target (2010/11)"), "2010/11")
        XCTAssertEqual(PeriodNormalizer.period(in: "survey 2007"), "2007")
        XCTAssertEqual(PeriodNormalizer.period(in: "2014 – 2020"), "2014-2020")
        XCTAssertEqual(PeriodNormalizer.period(in: "LAA 2008-2011"), "2008-2011")
        XCTAssertNil(PeriodNormalizer.financialYear(in: "2008-2011"))
        XCTAssertNil(PeriodNormalizer.period(in: "no period"))
    }

    /// The ASCII fast paths of `clean`, `collapse` and `words` give what the general paths
    /// give: checked on random strings of the characters that matter to them.
    func testTextCleanerFastPathsAgreeWithTheGeneralRules() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aZ9 ;*<>&.-\t\n").map(String.init) + ["&amp;", "<p>", "\u{2022}", "\u{043E}"]
        for _ in 0..<2_000 {
            let s = (0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? "" }.joined()
            // The general rules, spelt out as the slow paths run them.
            let collapsed = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertEqual(TextCleaner.collapse(s), collapsed, s.debugDescription)
            let words = String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " })
                .split(separator: " ").joined(separator: " ")
            if !s.contains("\u{043E}") { XCTAssertEqual(TextCleaner.words(s), words, s.debugDescription) }
            if TextCleaner.isPlainASCII(s, allowing: false) { XCTAssertEqual(TextCleaner.clean(s), collapsed, s.debugDescription) }
        }
        XCTAssertEqual(TextCleaner.clean("a  b"), "a b")
        XCTAssertEqual(TextCleaner.clean(" Plain text "), "Plain text")
        XCTAssertEqual(TextCleaner.clean("a ; ; b"), "a; b")
        XCTAssertEqual(TextCleaner.words("NI 195a: Litter/Detritus"), "ni 195a litter detritus")
    }

    func testTextCleaning() {
        XCTAssertEqual(TextCleaner.clean(#"<ul style="list-style-type: none"> ○ One ○ Two </ul>"#), "One; Two")
        XCTAssertEqual(TextCleaner.clean("<p>First</p> <p><u>Second</u></p>"), "First; Second")
        XCTAssertEqual(TextCleaner.clean("W\u{043E}rk  with\u{00A0}sch\u{043E}\u{043E}ls"), "Work with schools", "Cyrillic o folded")
        XCTAssertEqual(TextCleaner.clean("**An Ageing Population**"), "An Ageing Population")
        XCTAssertEqual(TextCleaner.clean("A &amp; B"), "A & B")
    }

    func testHeaderSynonyms() {
        for h in ["Action Owner and organisation", "Responsible Officer", "Lead Individual", "Lead Officer", "Who", "Key contact & organisation"] {
            XCTAssertEqual(HeaderMapper.column(h)?.role, .owner, h)
        }
        XCTAssertEqual(HeaderMapper.column("Baseline and Year")?.role, .baseline)
        XCTAssertEqual(HeaderMapper.column("Outturn 2007/08 (or latest available)")?.role, .actual)
        XCTAssertEqual(HeaderMapper.column("Outturn 2007/08")?.period, "2007/08")
        XCTAssertEqual(HeaderMapper.column("Target 2008/09")?.role, .target)
        XCTAssertEqual(HeaderMapper.column("End of LAA Target (2010/11)")?.role, .endTarget)
        XCTAssertEqual(HeaderMapper.column("Current activity to meet target")?.role, .comment)
        XCTAssertEqual(HeaderMapper.column("Measure and Target")?.role, .measure)
        XCTAssertEqual(HeaderMapper.column("Re f:")?.role, .ref)
        XCTAssertEqual(HeaderMapper.column("De fi niti on")?.role, .measure)
        XCTAssertEqual(HeaderMapper.column("Risk Register Ref")?.role, .ref)
        XCTAssertEqual(HeaderMapper.column("Key risks to achieving departmental service outcome")?.role, .risk)
        XCTAssertEqual(HeaderMapper.column("Date to be completed")?.role, .due)
        XCTAssertNil(HeaderMapper.header(["1. Agree targets for NI 172", "Antony Steinberg, HBC", "Officer time", "Dec 2008"]))
        XCTAssertNotNil(HeaderMapper.header(["Risk", "Rating", "Actions", "Who", "Date to be completed"]))
    }
}
