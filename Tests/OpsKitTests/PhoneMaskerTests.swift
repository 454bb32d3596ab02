import Testing

@testable import OpsKit

/// One test per phone format the masker must catch, and the look-alikes it must leave alone.
@Suite struct PhoneMaskerTests {
    @Test(arguments: [
        ("call 13812345678 now", "call 138****5678 now"),
        ("电话13812345678", "电话138****5678"),
        ("138 1234 5678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("+86 138-1234-5678", "+86 138****5678"),
        ("+8613812345678", "+86 138****5678"),
        ("0086 138 1234 5678", "+86 138****5678"),
        ("008613812345678", "+86 138****5678"),
        ("86 13812345678", "+86 138****5678"),
        ("＋86 １３８１２３４５６７８", "+86 138****5678"),
    ])
    func mainlandMobiles(_ text: String, _ expected: String) {
        #expect(PhoneMasker.masked(text) == expected)
    }

    @Test func fullWidthDigits() {
        #expect(PhoneMasker.masked("我的手机是１３８１２３４５６７８谢谢") == "我的手机是138****5678谢谢")
        #expect(PhoneMasker.masked("１３８　１２３４　５６７８") == "138****5678")
    }

    @Test(arguments: [
        ("(021) 1234 5678", "021****5678"),
        ("021-12345678", "021****5678"),
        ("（021）12345678", "021****5678"),
        ("0755-1234567", "0755***4567"),
        ("010 8765 4321", "010****4321"),
    ])
    func landlines(_ text: String, _ expected: String) {
        #expect(PhoneMasker.masked(text) == expected)
    }

    @Test(arguments: [
        ("+1 415 555 0100", "+141****0100"),
        ("call +44 20 7946 0958 today", "call +442*****0958 today"),
        ("001 415 555 0100", "+141****0100"),
    ])
    func internationalNumbers(_ text: String, _ expected: String) {
        #expect(PhoneMasker.masked(text) == expected)
    }

    @Test func spacedFormsAfterOtherNumbersAreFoundBlockByBlock() {
        #expect(PhoneMasker.masked("订单 2026111100 13812345678") == "订单 2026111100 138****5678")
        #expect(PhoneMasker.masked("2026-11-11 138 1234 5678") == "2026-11-11 138****5678")
    }

    /// Order numbers, SKUs, dates, amounts and counts are not phone numbers.
    @Test(arguments: [
        "trade 2026111113812345678901",  // 28-digit style trade number (one unbroken run)
        "SKU13812345678", "A-13812345678", "sku_13812345678", "13812345678abc",
        "2026-11-11", "2026/11/11 13:45", "¥1,380,000.00", "0.13812345678", "13812345678.50",
        "order 10023", "12345678901",  // 11 digits that do not start 1[3-9]
        "qty 3 4 5", "138-1234-5678-9999",
    ])
    func lookAlikesAreKept(_ text: String) {
        #expect(PhoneMasker.masked(text) == text)
    }

    @Test func maskingIsIdempotentAndFindsEveryNumber() {
        let text = "A: 13812345678, B: (021) 1234 5678, C: +1 415 555 0100"
        let once = PhoneMasker.masked(text)
        #expect(once == "A: 138****5678, B: 021****5678, C: +141****0100")
        #expect(PhoneMasker.masked(once) == once)
        #expect(PhoneMasker.matches(in: text).map(\.kind) == [.mobile, .landline, .international])
    }

    @Test func textWithoutDigitsIsReturnedAsIs() {
        #expect(PhoneMasker.masked("退货要多久?") == "退货要多久?")
        #expect(PhoneMasker.masked("") == "")
    }
}
