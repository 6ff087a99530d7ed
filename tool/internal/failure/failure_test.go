package failure

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

// TestError names the file once, with its line when there is one, then the reason.
func TestError(t *testing.T) {
	for _, c := range []struct {
		msg  string
		err  *Error
		want string
	}{
		{"a whole file", At("scrapes/x.txt", 0, errors.New("binary file (image/png)")), "scrapes/x.txt: binary file (image/png)"},
		{"a line", At("scrapes/crawl.jsonl", 2, errors.New("invalid JSON")), "scrapes/crawl.jsonl:2: invalid JSON"},
		{"no file", At("", 0, errors.New("no site here")), "no site here"},
		{"a path error names its file once", At("scrapes/x.txt", 0, &fs.PathError{Op: "open", Path: "/home/anne/site/scrapes/x.txt", Err: syscall.EACCES}), "scrapes/x.txt: permission denied"},
		{"a link error too", At("content/a/index.md", 0, &os.LinkError{Op: "rename", Old: "/s/a/.tmp", New: "/s/a/index.md", Err: syscall.EXDEV}), "content/a/index.md: " + syscall.EXDEV.Error()},
		{"a wrapped path error keeps its words", At("a.txt", 0, errors.Join(&fs.PathError{Op: "open", Path: "b.txt", Err: fs.ErrNotExist})), "a.txt: open b.txt: file does not exist"},
		{"no reason", At("a.txt", 0, nil), "a.txt: failed"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("%s: %q, want %q", c.msg, got, c.want)
		}
	}
	if err := At("a.txt", 0, &fs.PathError{Op: "open", Path: "a.txt", Err: fs.ErrPermission}); !errors.Is(err, fs.ErrPermission) {
		t.Error("errors.Is does not see through a failure")
	}
}

// TestIn keeps the failures that name their own file and gives the others the file.
func TestIn(t *testing.T) {
	if In("a.txt", nil) != nil {
		t.Error("In(nil) is not nil")
	}
	side := At("a.meta.json", 1, errors.New("not JSON"))
	err := In("a.txt", errors.Join(side, errors.New("no article text found")))
	got := All(err)
	if len(got) != 2 || got[0] != side || got[1].File != "a.txt" || got[1].Error() != "a.txt: no article text found" {
		t.Errorf("In = %v, want the sidecar's failure as it is and one for a.txt", got)
	}
	if single := In("a.txt", side); single != side {
		t.Errorf("In of one failure = %v, want it as it is", single)
	}
}

// TestAll flattens joined errors, nested ones too, into one failure per input.
func TestAll(t *testing.T) {
	a, b := At("a", 1, errors.New("x")), At("b", 0, errors.New("y"))
	got := All(errors.Join(a, errors.Join(b, errors.New("z"))))
	if len(got) != 3 || got[0] != a || got[1] != b || got[2].File != "" || got[2].Reason() != "z" {
		t.Errorf("All = %v", got)
	}
	if All(nil) != nil {
		t.Error("All(nil) is not empty")
	}
}
