import Foundation

/// Municipal mergers 2019-2023 seeded with the schema (CBS "gemeentelijke indeling" history).
/// Where a former municipality was split (Haaren 2021) it is left out: counts cannot be divided by code.
enum KnownMerges {
    struct Row: Sendable { var year: Int; var former: String; var name: String; var current: String }

    /// Codes created by a merger; the others (Groningen, Haarlemmermeer, ...) existed before it.
    static let newCodes: Set<String> = ["GM1978", "GM1979", "GM1980", "GM1982", "GM1991", "GM1992"]

    static let rows: [Row] = [
        .init(year: 2019, former: "GM0009", name: "Ten Boer", current: "GM0014"),
        .init(year: 2019, former: "GM0017", name: "Haren", current: "GM0014"),
        .init(year: 2019, former: "GM0393", name: "Haarlemmerliede en Spaarnwoude", current: "GM0394"),
        .init(year: 2019, former: "GM0576", name: "Noordwijkerhout", current: "GM0575"),
        .init(year: 2019, former: "GM0689", name: "Giessenlanden", current: "GM1978"),
        .init(year: 2019, former: "GM1927", name: "Molenwaard", current: "GM1978"),
        .init(year: 2021, former: "GM0003", name: "Appingedam", current: "GM1979"),
        .init(year: 2021, former: "GM0010", name: "Delfzijl", current: "GM1979"),
        .init(year: 2021, former: "GM0024", name: "Loppersum", current: "GM1979"),
        .init(year: 2022, former: "GM0370", name: "Beemster", current: "GM0439"),
        .init(year: 2022, former: "GM0457", name: "Weesp", current: "GM0363"),
        .init(year: 2022, former: "GM0398", name: "Heerhugowaard", current: "GM1980"),
        .init(year: 2022, former: "GM0416", name: "Langedijk", current: "GM1980"),
        .init(year: 2022, former: "GM0756", name: "Boxmeer", current: "GM1982"),
        .init(year: 2022, former: "GM1684", name: "Cuijk", current: "GM1982"),
        .init(year: 2022, former: "GM0786", name: "Grave", current: "GM1982"),
        .init(year: 2022, former: "GM0815", name: "Mill en Sint Hubert", current: "GM1982"),
        .init(year: 2022, former: "GM1702", name: "Sint Anthonis", current: "GM1982"),
        .init(year: 2022, former: "GM1685", name: "Landerd", current: "GM1991"),
        .init(year: 2022, former: "GM0856", name: "Uden", current: "GM1991"),
        .init(year: 2023, former: "GM0501", name: "Brielle", current: "GM1992"),
        .init(year: 2023, former: "GM0530", name: "Hellevoetsluis", current: "GM1992"),
        .init(year: 2023, former: "GM0614", name: "Westvoorne", current: "GM1992"),
    ]
}
