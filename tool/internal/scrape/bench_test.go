package scrape

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadText reads every text scrape of the corpus; it reports the time per scrape.
func BenchmarkReadText(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatal(err)
	}
	var files [][]byte
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
		size += len(data)
	}
	b.SetBytes(int64(size / len(files)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ReadText("x.txt", files[i%len(files)], Options{})
	}
}
