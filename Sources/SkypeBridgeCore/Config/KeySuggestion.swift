/// Finds the known name a misspelt one most likely meant, for "did you mean …?" hints.
enum KeySuggestion {
    /// The candidate closest to `word` by edit distance (ignoring case), if it is close enough to be
    /// a plausible typo: at most one edit per three characters, at least one and at most three.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = min(3, max(1, word.count / 3))
        let target = Array(word.lowercased())
        let scored = candidates.map { (candidate: $0, distance: editDistance(target, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit else { return nil }
        return best.candidate
    }

    /// The Levenshtein distance between two character sequences.
    static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        guard !lhs.isEmpty else { return rhs.count }
        guard !rhs.isEmpty else { return lhs.count }
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }
}
