package enrich

import "encoding/binary"

// wordTable holds each distinct word of many texts once (its printed form and its key), for
// packedText to refer to by number.
type wordTable struct {
	index map[word]uint32
	words []word
}

// word is a token's printed form and key.
type word struct{ text, key string }

func newWordTable() *wordTable { return &wordTable{index: map[word]uint32{}} }

// packedText is the tokens of an article's title and paragraphs in two or three bytes each,
// not a token's forty and its key: each token's word in its wordTable, as a varint (the words
// most used come first in the table and take one byte), and its flags. The title comes
// first; ends holds where it and each paragraph end, in tokens.
type packedText struct {
	words *wordTable
	ids   []byte
	flags []uint8
	ends  []int32
}

// The flags of a packed token.
const (
	flagCap uint8 = 1 << iota
	flagAcronym
	flagInitial
	flagBreak
	flagAfterDet
	flagHonorific
	flagFunction
)

// pack returns the tokens of a title and its paragraphs, packed.
func (wt *wordTable) pack(title []token, body [][]token) packedText {
	n := len(title)
	for _, p := range body {
		n += len(p)
	}
	pt := packedText{words: wt, ids: make([]byte, 0, 2*n), flags: make([]uint8, 0, n), ends: make([]int32, 0, 1+len(body))}
	add := func(toks []token) {
		for _, t := range toks {
			w := word{t.text, t.key}
			id, ok := wt.index[w]
			if !ok {
				id = uint32(len(wt.words))
				wt.index[w] = id
				wt.words = append(wt.words, w)
			}
			pt.ids = binary.AppendUvarint(pt.ids, uint64(id))
			pt.flags = append(pt.flags, t.packFlags())
		}
		pt.ends = append(pt.ends, int32(len(pt.flags)))
	}
	add(title)
	for _, p := range body {
		add(p)
	}
	return pt
}

// packFlags returns the flags of t.
func (t token) packFlags() uint8 {
	return bit(t.cap, flagCap) | bit(t.acronym, flagAcronym) | bit(t.initial, flagInitial) | bit(t.brk, flagBreak) |
		bit(t.afterDet, flagAfterDet) | bit(t.honorific, flagHonorific) | bit(t.function, flagFunction)
}

// bit returns flag when set, else 0.
func bit(set bool, flag uint8) uint8 {
	if set {
		return flag
	}
	return 0
}

// unpacker unpacks texts into buffers of its own, which each unpack reuses.
type unpacker struct {
	toks  []token
	paras [][]token
}

// unpack returns the tokens of a packed title and its paragraphs (nil for a text without
// tokens, as tokenize gives), valid until the next call.
func (u *unpacker) unpack(pt packedText) (title []token, body [][]token) {
	u.toks, u.paras = u.toks[:0], u.paras[:0]
	ids := pt.ids
	for _, f := range pt.flags {
		id, n := binary.Uvarint(ids)
		ids = ids[n:]
		w := pt.words.words[id]
		u.toks = append(u.toks, token{text: w.text, key: w.key, cap: f&flagCap != 0, acronym: f&flagAcronym != 0,
			initial: f&flagInitial != 0, brk: f&flagBreak != 0, afterDet: f&flagAfterDet != 0,
			honorific: f&flagHonorific != 0, function: f&flagFunction != 0})
	}
	start := int32(0)
	for k, end := range pt.ends {
		var toks []token
		if end > start {
			toks = u.toks[start:end:end]
		}
		if k == 0 {
			title = toks
		} else {
			u.paras = append(u.paras, toks)
		}
		start = end
	}
	return title, u.paras
}
