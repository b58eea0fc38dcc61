/// "Did you mean" suggestions by Damerau-Levenshtein (optimal string alignment) distance.
public enum EditDistance {
    /// Distance between `a` and `b`, compared case-insensitively.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }

    /// The closest candidate within a distance that scales with the word's length, if any.
    public static func suggest(_ word: String, among candidates: [String]) -> String? {
        let limit = max(1, min(3, word.count / 3 + 1))
        var best: (String, Int)?
        for c in candidates {
            let dist = distance(word, c)
            if dist > limit { continue }
            if let b = best, b.1 <= dist { continue }
            best = (c, dist)
        }
        if best == nil {
            // A prefix the user started typing ("comm" for "community_safety").
            let l = word.lowercased()
            if l.count >= 3, let c = candidates.first(where: { $0.lowercased().hasPrefix(l) }) { return c }
        }
        return best?.0
    }
}
