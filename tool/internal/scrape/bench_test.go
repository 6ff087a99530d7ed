package scrape

import "testing"

// BenchmarkReadText reads the text scrape of every case; it reports the time per scrape.
func BenchmarkReadText(b *testing.B) {
	var files [][]byte
	size := 0
	for _, name := range caseNames(b) {
		if data, ok := loadCase(b, name).file("input.txt"); ok {
			files = append(files, data)
			size += len(data)
		}
	}
	b.SetBytes(int64(size / len(files)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ReadText("x.txt", files[i%len(files)], Options{})
	}
}
