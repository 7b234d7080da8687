// Times the formatting conversions on 4 KB messages and prints a Markdown report.
// Built with the Formatting sources by run.sh (swiftc -O); pure computation, no I/O in the timed part.

import Foundation

/// Mostly prose with a little formatting every few hundred bytes, as chat messages usually are.
func prose(size: Int, bold: String, link: String) -> String {
    let sentence = "The deployment finished without errors, and the dashboards look healthy again after the restart. "
    var message = ""
    var index = 0
    while message.utf8.count < size {
        message += sentence
        if index % 4 == 3 { message += bold + " " + link + "\n" }
        index += 1
    }
    return message
}

/// A RichText message of about `size` bytes mixing every kind of markup the parser reads.
func skypeMessage(size: Int) -> String {
    let pieces = [
        #"Hello <b raw_pre="*" raw_post="*">team</b>, see <a href="https://example.com/report?id=42&amp;v=2">the report</a> "#,
        #"and <i raw_pre="_" raw_post="_">please</i> check <pre raw_pre="{code}" raw_post="{code}">make test</pre> "#,
        #"<at id="8:joe.4">Joe Bloggs</at> <ss type="smile">:)</ss> 1 &lt; 2 &amp;&amp; *stars* stay_text "#,
        "שלום 👨‍👩‍👧‍👦 <s raw_pre=\"~\" raw_post=\"~\">old</s>\n",
    ]
    var message = ""
    var index = 0
    while message.utf8.count < size {
        message += pieces[index % pieces.count]
        index += 1
    }
    return message
}

/// A Markdown post of about `size` bytes mixing every kind of markup the parser reads.
func mattermostMessage(size: Int) -> String {
    let pieces = [
        "Hello **team**, see [the report](https://example.com/report?id=42&v=2) ",
        "and _please_ check `make test` @joe :slightly_smiling_face: 1 < 2 && \\*stars\\* stay_text ",
        "שלום 👨‍👩‍👧‍👦 ~~old~~ https://example.org/x\n",
    ]
    var message = ""
    var index = 0
    while message.utf8.count < size {
        message += pieces[index % pieces.count]
        index += 1
    }
    return message
}

/// Median and 90th percentile of `body` in microseconds over `iterations` runs, after a warm-up.
func measure(iterations: Int, _ body: () -> Int) -> (median: Double, p90: Double, sink: Int) {
    var sink = 0
    for _ in 0..<50 { sink &+= body() }
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    let clock = ContinuousClock()
    for _ in 0..<iterations {
        let start = clock.now
        sink &+= body()
        let elapsed = clock.now - start
        samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
    }
    samples.sort()
    return (samples[samples.count / 2], samples[samples.count * 9 / 10], sink)
}

let iterations = Int(ProcessInfo.processInfo.environment["ITERATIONS"] ?? "") ?? 2000
let skype = skypeMessage(size: 4096)
let mattermost = mattermostMessage(size: 4096)
let mentions = MentionResolver(
    skypeToMattermost: ["8:joe.4": "joe"], mattermostToSkype: ["joe": .init(id: "8:joe.4", name: "Joe Bloggs")])
let options = MattermostRenderOptions(mentions: mentions)

let skypeProse = prose(size: 4096, bold: #"<b raw_pre="*" raw_post="*">note</b>"#, link: #"<a href="https://example.com/a">report</a>"#)
let mattermostProse = prose(size: 4096, bold: "**note**", link: "[report](https://example.com/a)")

let rows: [(String, Int, (median: Double, p90: Double, sink: Int))] = [
    ("Prose: Skype RichText → Mattermost Markdown", skypeProse.utf8.count,
     measure(iterations: iterations) { MattermostMarkdown.render(SkypeRichText.parse(skypeProse), options: options).utf8.count }),
    ("Prose: Mattermost Markdown → Skype RichText", mattermostProse.utf8.count,
     measure(iterations: iterations) { SkypeRichText.render(MattermostMarkdown.parse(mattermostProse, mentions: mentions)).utf8.count }),
    ("Dense markup: Skype RichText → Mattermost Markdown", skype.utf8.count,
     measure(iterations: iterations) { MattermostMarkdown.render(SkypeRichText.parse(skype), options: options).utf8.count }),
    ("Dense markup: Mattermost Markdown → Skype RichText", mattermost.utf8.count,
     measure(iterations: iterations) { SkypeRichText.render(MattermostMarkdown.parse(mattermost, mentions: mentions)).utf8.count }),
    ("Dense markup: Skype RichText parse only", skype.utf8.count, measure(iterations: iterations) { SkypeRichText.parse(skype).spans.count }),
    ("Dense markup: Mattermost Markdown parse only", mattermost.utf8.count,
     measure(iterations: iterations) { MattermostMarkdown.parse(mattermost, mentions: mentions).spans.count }),
    ("Split 16 KB Markdown at 4,000 scalars", mattermost.utf8.count * 4,
     measure(iterations: iterations / 10) { MessageSplitter(format: .mattermostMarkdown, limit: 4000).split(mattermost + mattermost + mattermost + mattermost).count }),
    ("Split 16 KB RichText at 4,000 scalars", skype.utf8.count * 4,
     measure(iterations: iterations / 10) { MessageSplitter(format: .skypeRichText, limit: 4000).split(skype + skype + skype + skype).count }),
]

var report = "# Formatting benchmark\n\n"
report += "Target: median below 50 µs for converting a 4 KB message each way (parse + render).\n"
report += "Prose: a 4 KB message of sentences with a bold word and a link every ~400 bytes. "
report += "Dense markup: a 4 KB message with a tag, entity, mention, emoticon or link every ~30 bytes.\n\n"
report += "| case | input bytes | median µs | p90 µs |\n|---|---:|---:|---:|\n"
var checksum = 0
for (name, bytes, result) in rows {
    report += "| \(name) | \(bytes) | \(String(format: "%.1f", result.median)) | \(String(format: "%.1f", result.p90)) |\n"
    checksum &+= result.sink
}
report += "\n\(iterations) iterations per conversion (a tenth for splitting), after 50 warm-up runs; checksum \(checksum % 1000).\n"
print(report, terminator: "")
