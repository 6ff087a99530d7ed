package importer

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
)

// state is what an import records of its run (bundle.StateName) so that a re-run with
// nothing changed reads nothing: the stamp of every file it could read or wrote, the
// modification time of every folder they are in, the settings it ran with, and its report as
// such a re-run gives it.
//
// The file is a line of JSON (the settings, the failures and warnings of the report), then
// a line per file, per folder and per item (see encodeState): a site of a hundred thousand
// articles holds some four hundred thousand, which encoding/json would spend seconds reading.
type state struct {
	Settings   string           `json:"settings"`
	Files      map[string]stamp `json:"-"`
	Dirs       map[string]int64 `json:"-"` // a folder's modification time in Unix nanoseconds, 0 when too recent to trust
	Items      []Item           `json:"-"`
	Duplicates []Duplicate      `json:"duplicates,omitempty"`
	Failures   []failed         `json:"failures,omitempty"`
	Warnings   []failed         `json:"warnings,omitempty"`
}

// failed is a failure or a warning of the report, as a state records it.
type failed struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Reason string `json:"reason"`
	Hint   string `json:"hint,omitempty"`
}

// stamp is a file's size, modification time and digest. A file whose size and time are
// those of its stamp is taken as unchanged; one whose size is the same but not its time is
// hashed.
type stamp struct {
	Size int64 `json:"size"`
	// ModTime is in Unix nanoseconds; 0 when the time was too recent to trust (see settled).
	ModTime int64  `json:"mtime"`
	SHA256  string `json:"sha256"`
}

// scan lists, with their file information, the files an import of opts may read or write:
// every file of the input folders (scrapes, sidecars, images), each input file and its
// sidecar, the vocabulary files and the files of every content folder but kiosque's own,
// and the folders walked. It returns false when the import cannot be stamped: an input that
// cannot be read, a symbolic link to a folder, an HTML page given alone (its images may lie
// anywhere around it). A folder whose modification time prev (which may be nil) recorded is
// not read again: its entries are those prev holds (see walker).
func (opts Options) scan(prev *state) (files, dirs map[string]fs.FileInfo, ok bool) {
	w := &walker{opts: opts, files: map[string]fs.FileInfo{}, dirs: map[string]fs.FileInfo{}}
	if prev != nil {
		w.files, w.dirs = make(map[string]fs.FileInfo, len(prev.Files)), make(map[string]fs.FileInfo, len(prev.Dirs))
		if opts.dirTimesKept() {
			w.prev = prev
		}
	}
	add := func(p string) {
		if fi, err := opts.Fs.Stat(p); err == nil && fi.Mode().IsRegular() {
			w.files[p] = fi
		}
	}
	for _, in := range opts.Inputs {
		fi, err := opts.Fs.Stat(in)
		if err != nil {
			return nil, nil, false
		}
		if !fi.IsDir() {
			if ext := strings.ToLower(filepath.Ext(in)); ext == ".html" || ext == ".htm" {
				return nil, nil, false
			}
			add(in)
			add(scrape.SidecarPath(in))
			continue
		}
		if !w.walk(in, nil) {
			return nil, nil, false
		}
	}
	own := map[string]bool{bundle.LockName: true, bundle.StateName: true, bundle.ResumeName: true, bundle.ParseCacheName: true, bundle.StagingName: true, bundle.PagesCacheName: true}
	for _, dir := range opts.Target.Dirs(opts.ContentDir) {
		if _, err := opts.Fs.Stat(dir); err == nil && !w.walk(dir, own) {
			return nil, nil, false
		}
	}
	add(filepath.Join(opts.SiteDir, filepath.FromSlash(TagsFile)))
	add(filepath.Join(opts.SiteDir, filepath.FromSlash(AuthorsFile)))
	return w.files, w.dirs, true
}

// dirTimesKept reports whether the folders of the import's filesystem change their
// modification time when an entry is added, removed or renamed, so that a folder of the same
// time holds the same entries: those of the operating system do, but not afero's memory
// filesystem, nor, on Windows, FAT volumes.
func (opts Options) dirTimesKept() bool {
	return runtime.GOOS != "windows" && bundle.OnDisk(opts.Fs, opts.ContentDir)
}

// walker lists the files under folders with their information, following symbolic links to
// files, and the folders with theirs. With prev, a folder whose modification time is the one
// prev recorded (which it is as long as no entry was added, removed or renamed) is not read:
// its entries are the files and folders prev holds in it, each looked at, as those of a
// folder read are. The folders of a depth are looked at over several workers: a site's
// section holds a folder per article.
type walker struct {
	opts        Options
	files, dirs map[string]fs.FileInfo
	prev        *state
	entries     map[string][]string // prev's entries of each folder, by state key, once built
}

// folder is a folder to look into: its path, information and the entries to skip.
type folder struct {
	path string
	fi   fs.FileInfo
	skip map[string]bool
}

// looked is what looking into a folder found: its files and folders, with their
// information; false when an entry cannot be looked at or is a link to a folder.
type looked struct {
	files, dirs []folder
	ok          bool
}

// walk adds the files under root, but the files and folders of root named in skip; it
// returns false on a folder it cannot read or a symbolic link to a folder.
func (w *walker) walk(root string, skip map[string]bool) bool {
	root = filepath.Clean(root)
	fi, err := lstat(w.opts.Fs, root)
	if err != nil {
		return false
	}
	if !fi.IsDir() {
		fi, ok := w.file(root, fi)
		if ok && fi != nil {
			w.files[root] = fi
		}
		return ok
	}
	if w.prev != nil && w.entries == nil {
		w.entries = prevEntries(w.prev)
	}
	depth := []folder{{root, fi, skip}}
	for len(depth) > 0 {
		found := make([]looked, len(depth))
		forEach(len(depth), writers(), func(i int) { found[i] = w.look(depth[i]) })
		var next []folder
		for i, f := range found {
			if !f.ok {
				return false
			}
			w.dirs[depth[i].path] = depth[i].fi
			for _, c := range f.files {
				w.files[c.path] = c.fi
			}
			next = append(next, f.dirs...)
		}
		depth = next
	}
	return true
}

// look looks at the entries of the folder d: those prev holds when it recorded the folder's
// time, else those read.
func (w *walker) look(d folder) looked {
	names, recorded := w.recorded(d.path, d.fi)
	if !recorded {
		var err error
		if names, err = readDirNames(w.opts.Fs, d.path); err != nil {
			return looked{}
		}
	}
	var out looked
	for _, name := range names {
		if d.skip[name] || name == "." || name == ".." {
			continue
		}
		p := joinName(d.path, name)
		fi, err := lstat(w.opts.Fs, p)
		switch {
		case err != nil && recorded: // an entry gone though the folder's time is the same
			d.fi = nil // not recorded: read
			return w.look(d)
		case err != nil:
			return looked{}
		case fi.IsDir():
			out.dirs = append(out.dirs, folder{path: p, fi: fi})
			continue
		}
		fi, ok := w.file(p, fi)
		if !ok {
			return looked{}
		}
		if fi != nil {
			out.files = append(out.files, folder{path: p, fi: fi})
		}
	}
	out.ok = true
	return out
}

// joinName is filepath.Join(dir, name) for a clean folder and the name of one of its
// entries, without cleaning what is clean.
func joinName(dir, name string) string {
	if dir == "" || dir == "." || dir[len(dir)-1] == filepath.Separator || strings.ContainsRune(name, filepath.Separator) {
		return filepath.Join(dir, name)
	}
	return dir + string(filepath.Separator) + name
}

// file returns the information of the file p (fi, from Lstat) as a stamp takes it: that of
// the file a symbolic link leads to, nil for a link that leads nowhere (a failure the run
// reports); false for a link to a folder.
func (w *walker) file(p string, fi fs.FileInfo) (fs.FileInfo, bool) {
	if fi.Mode()&fs.ModeSymlink == 0 {
		return fi, true
	}
	target, err := w.opts.Fs.Stat(p)
	switch {
	case err != nil:
		return nil, true
	case target.IsDir():
		return nil, false
	}
	return target, true
}

// recorded returns the entries prev holds in the folder p, when prev recorded the time p has
// (fi, nil to read the folder).
func (w *walker) recorded(p string, fi fs.FileInfo) ([]string, bool) {
	if w.prev == nil || fi == nil {
		return nil, false
	}
	key := relPath(w.opts.SiteDir, p)
	if t, ok := w.prev.Dirs[key]; !ok || t == 0 || t != fi.ModTime().UnixNano() {
		return nil, false
	}
	return w.entries[key], true
}

// prevEntries returns the entries of each folder of st, by state key: its files and folders.
func prevEntries(st *state) map[string][]string {
	entries := map[string][]string{}
	for _, keys := range []iter.Seq[string]{maps.Keys(st.Files), maps.Keys(st.Dirs)} {
		for k := range keys {
			dir, name := path.Split(k)
			if name == "." || name == ".." {
				continue
			}
			dir = strings.TrimSuffix(dir, "/")
			if dir == "" {
				dir = "."
			}
			entries[dir] = append(entries[dir], name)
		}
	}
	return entries
}

// lstat is fsys.Lstat where fsys has it, else Stat.
func lstat(fsys afero.Fs, name string) (fs.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		fi, _, err := l.LstatIfPossible(name)
		return fi, err
	}
	return fsys.Stat(name)
}

// readDirNames returns the names of the entries of the folder name.
func readDirNames(fsys afero.Fs, name string) ([]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Readdirnames(-1)
}

// unchanged reports whether the files of infos are those st stamped, hashing only the files
// whose size is the same but not their time; it returns the stamps to refresh.
func (opts Options) unchanged(st *state, infos map[string]fs.FileInfo, now time.Time) (map[string]stamp, bool) {
	if len(infos) != len(st.Files) {
		return nil, false
	}
	var hash []string
	for p, fi := range infos {
		s, ok := st.Files[relPath(opts.SiteDir, p)]
		if !ok || s.Size != fi.Size() {
			return nil, false
		}
		if !s.fits(fi) {
			hash = append(hash, p)
		}
	}
	fresh := map[string]stamp{}
	for _, p := range hash {
		key := relPath(opts.SiteDir, p)
		s, ok := st.Files[key].recheck(opts.Fs, p, infos[p], now)
		if !ok {
			return nil, false
		}
		if s != st.Files[key] {
			fresh[key] = s
		}
	}
	return fresh, true
}

// stamps returns the stamps of infos, with the digests of prev (which may be nil) where it
// stamped a file alike, else without: record fills them, from what the run read of the file
// or by hashing it (a file unchanged since has the same bytes).
func (opts Options) stamps(infos map[string]fs.FileInfo, prev *state) map[string]stamp {
	out := make(map[string]stamp, len(infos))
	for p, fi := range infos {
		key := relPath(opts.SiteDir, p)
		if prev != nil {
			if s, ok := prev.Files[key]; ok && s.fits(fi) {
				out[key] = s
				continue
			}
		}
		out[key] = stampOf(fi, "")
	}
	return out
}

// stampOf returns the stamp of a file of information fi and digest sum ("" for none).
func stampOf(fi fs.FileInfo, sum string) stamp {
	return stamp{Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), SHA256: sum}
}

// fits reports whether the file of information fi is taken as unchanged since s stamped it,
// without hashing: the same size, and the same time, recorded.
func (s stamp) fits(fi fs.FileInfo) bool {
	return s.ModTime != 0 && s.Size == fi.Size() && s.ModTime == fi.ModTime().UnixNano()
}

// recheck returns the stamp at now of the file name (of information fi) when its bytes are
// still those s stamped: s fits it, or it is of the same size and digest (then hashed);
// false when they differ or cannot be told.
func (s stamp) recheck(fsys afero.Fs, name string, fi fs.FileInfo, now time.Time) (stamp, bool) {
	if s.fits(fi) {
		return s, true
	}
	if s.SHA256 == "" || s.Size != fi.Size() {
		return stamp{}, false
	}
	sum, err := fileDigest(fsys, name)
	if err != nil || sum != s.SHA256 {
		return stamp{}, false
	}
	return stampOf(fi, sum).settled(now), true
}

// settled returns s as recorded at now. A time on a whole second less than two seconds
// before now may come from a filesystem that counts in seconds (or two), where a change made
// within the same second would keep it: it is not recorded, and the next run hashes the file.
func (s stamp) settled(now time.Time) stamp {
	if t := time.Unix(0, s.ModTime); t.Nanosecond() == 0 && now.Sub(t) < 2*time.Second {
		s.ModTime = 0
	}
	return s
}

// fileDigest returns the SHA-256 of a file's bytes, in hex.
func fileDigest(fsys afero.Fs, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// settingsDigest digests what an import runs with besides its files: the options that shape
// its output, and the program itself, by the size and time of its executable (a new kiosque
// may read or write pages otherwise). It returns "" when an import cannot be replayed at all:
// one that fetches images, explains its reading or overwrites hand edits.
func settingsDigest(opts Options) string {
	if opts.FetchImages != nil || opts.Scrape.Explain != nil || opts.Force {
		return ""
	}
	program := programStamp()
	if program == "" {
		return ""
	}
	return digestJSON(struct {
		SiteDir, ContentDir, DefaultAuthor, Program string
		Inputs                                      []string
		Cues                                        *scrape.Cues
		Limits                                      scrape.Limits
		Target                                      bundle.Target
	}{opts.SiteDir, opts.ContentDir, opts.DefaultAuthor, program, opts.Inputs, opts.Scrape.Cues, opts.Scrape.Limits, opts.Target})
}

// digestJSON returns the SHA-256 of v's JSON form in hex: the digest of settings that the
// state and the checkpoints compare; "" when v cannot be encoded.
func digestJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// programStamp names the running program by the path, size and time of its executable; ""
// when they cannot be told.
func programStamp() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
}

// loadState returns the state the last import recorded, nil when there is none or it cannot
// be read (the import then reads everything, as a first one does).
func loadState(opts Options) *state {
	data, err := bundle.LoadState(opts.Fs, opts.ContentDir)
	if err != nil || data == nil {
		return nil
	}
	st, err := decodeState(data)
	if err != nil {
		return nil
	}
	return st
}

// encodeState returns the state file of st: a line of JSON, then a line per file, "f", its
// size, time and digest ("-" for none) and its path, a line per folder, "d", its time and its
// path, both sorted by path, and a line per item in order, "i" and its fields, each after a
// tab. A path or field that holds a line break or a tab, or opens with a quote, is quoted as
// Go quotes strings.
func encodeState(st *state) ([]byte, error) {
	head, err := json.Marshal(st)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(len(head) + 110*len(st.Files) + 40*len(st.Dirs))
	b.Write(head)
	b.WriteByte('\n')
	for _, p := range slices.Sorted(maps.Keys(st.Files)) {
		s := st.Files[p]
		sum := cmp.Or(s.SHA256, "-")
		fmt.Fprintf(&b, "f %d %d %s %s\n", s.Size, s.ModTime, sum, statePath(p))
	}
	for _, p := range slices.Sorted(maps.Keys(st.Dirs)) {
		fmt.Fprintf(&b, "d %d %s\n", st.Dirs[p], statePath(p))
	}
	for _, it := range st.Items {
		noted := "-"
		if it.Noted {
			noted = "noted"
		}
		b.WriteString("i")
		for _, f := range []string{string(it.Outcome), noted, it.Source, it.Bundle, it.Index, it.Folder, it.Reason} {
			b.WriteByte('\t')
			b.WriteString(statePath(f))
		}
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// statePath returns a path (or a field of an item) as a line of the state file holds it.
func statePath(p string) string {
	if strings.ContainsAny(p, "\n\r\t") || strings.HasPrefix(p, `"`) {
		return strconv.Quote(p)
	}
	return p
}

// errStateLine is a line of the state file that cannot be read.
var errStateLine = errors.New("a line of the state cannot be read")

// decodeState reads a state file of encodeState.
func decodeState(data []byte) (*state, error) {
	head, rest, _ := bytes.Cut(data, []byte("\n"))
	st := &state{}
	if err := json.Unmarshal(head, st); err != nil {
		return nil, err
	}
	st.Files = make(map[string]stamp, bytes.Count(rest, []byte("\nf "))+1)
	st.Dirs = make(map[string]int64, bytes.Count(rest, []byte("\nd "))+1)
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		kind, fields := string(line[:min(2, len(line))]), line[min(2, len(line)):]
		switch kind {
		case "f ":
			size, f, _ := bytes.Cut(fields, []byte(" "))
			mtime, f, _ := bytes.Cut(f, []byte(" "))
			sum, name, ok := bytes.Cut(f, []byte(" "))
			s, err := stampFields(size, mtime, sum)
			p, perr := readStatePath(name)
			if !ok || err != nil || perr != nil {
				return nil, errStateLine
			}
			st.Files[p] = s
		case "i\t":
			fields := strings.Split(string(fields), "\t")
			if len(fields) != 7 {
				return nil, errStateLine
			}
			for k, f := range fields {
				var err error
				if fields[k], err = readStateField(f); err != nil {
					return nil, err
				}
			}
			st.Items = append(st.Items, Item{Outcome: bundle.Outcome(fields[0]), Noted: fields[1] == "noted", Source: fields[2],
				Bundle: fields[3], Index: fields[4], Folder: fields[5], Reason: fields[6]})
		case "d ":
			mtime, name, ok := bytes.Cut(fields, []byte(" "))
			t, err := strconv.ParseInt(string(mtime), 10, 64)
			p, perr := readStatePath(name)
			if !ok || err != nil || perr != nil {
				return nil, errStateLine
			}
			st.Dirs[p] = t
		default:
			return nil, errStateLine
		}
	}
	return st, nil
}

// stampFields returns the stamp of a file line's fields.
func stampFields(size, mtime, sum []byte) (stamp, error) {
	n, err := strconv.ParseInt(string(size), 10, 64)
	if err != nil {
		return stamp{}, err
	}
	t, err := strconv.ParseInt(string(mtime), 10, 64)
	if err != nil {
		return stamp{}, err
	}
	s := stamp{Size: n, ModTime: t}
	if string(sum) != "-" {
		s.SHA256 = string(sum)
	}
	return s, nil
}

// readStatePath returns the path a line of the state file holds (see statePath).
func readStatePath(b []byte) (string, error) {
	if len(b) == 0 {
		return "", errStateLine
	}
	return readStateField(string(b))
}

// readStateField returns a field of a line of the state file (see statePath).
func readStateField(f string) (string, error) {
	if strings.HasPrefix(f, `"`) {
		return strconv.Unquote(f)
	}
	return f, nil
}

// check returns the report of a re-run with nothing changed since the last import, and true;
// else the settings and the stamps of the files before the run, for record (nil when the run
// cannot be recorded).
func (opts Options) check() (string, map[string]stamp, *Report, bool) {
	settings := settingsDigest(opts)
	if settings == "" {
		return "", nil, nil, false
	}
	prev := loadState(opts)
	infos, _, ok := opts.scan(prev)
	if !ok {
		return settings, nil, nil, false
	}
	if rep, ok := opts.replay(prev, settings, infos); ok {
		return settings, nil, rep, true
	}
	if opts.DryRun {
		return settings, nil, nil, false
	}
	return settings, opts.stamps(infos, prev), nil, false
}

// replay returns the report of a re-run with nothing changed, when st, the state of the last
// run, says there is one (infos being the files now): the items of the last run, as written,
// kept or left. It refreshes the stamps of the files it had to hash.
func (opts Options) replay(st *state, settings string, infos map[string]fs.FileInfo) (*Report, bool) {
	if st == nil || settings == "" || infos == nil || st.Settings != settings {
		return nil, false
	}
	fresh, ok := opts.unchanged(st, infos, time.Now())
	if !ok {
		return nil, false
	}
	if len(fresh) > 0 && !opts.DryRun {
		for k, s := range fresh {
			st.Files[k] = s
		}
		if data, err := encodeState(st); err == nil {
			_ = bundle.SaveState(opts.Fs, opts.ContentDir, data) // a stale stamp only costs a hash
		}
	}
	rep := &Report{Items: st.Items, Duplicates: st.Duplicates}
	for _, f := range st.Failures {
		rep.Failures = append(rep.Failures, f.error())
	}
	for _, f := range st.Warnings {
		rep.Warnings = append(rep.Warnings, f.error())
	}
	return rep, true
}

func (f failed) error() *failure.Error {
	return failure.At(f.File, f.Line, errors.New(f.Reason)).WithHint(f.Hint)
}

func failedOf(f *failure.Error) failed {
	return failed{File: f.File, Line: f.Line, Reason: f.Reason(), Hint: f.Hint}
}

// record returns the state of a run that ended with rep and m, from the stamps of the files
// before it (pre, whose digests may be missing); once are the warnings given once, that a
// re-run does not repeat, and wrote says that every write succeeded. A file's digest is
// taken from known (by path: the files the run read or wrote, stamped as then) when its size
// and time are those known, else the file is hashed. It returns nil when a re-run could not
// replay the run: a write failed (the next run tries again), or a file changed during the
// run that the run did not write.
func (opts Options) record(rep *Report, m *bundle.Manifest, settings string, pre map[string]stamp, known map[string]stamp, once map[*failure.Error]bool, wrote bool) *state {
	if settings == "" || pre == nil || !wrote {
		return nil
	}
	infos, dirs, ok := opts.scan(nil)
	if !ok {
		return nil
	}
	now := time.Now()                                          // the filesystem's clock, not the articles' (opts.Now)
	written := map[string]bool{opts.Target.AuthorsKey(): true} // the folders the run may write in
	for _, it := range rep.Items {
		written[it.Bundle] = true
	}
	st := &state{Settings: settings, Files: make(map[string]stamp, len(infos)), Dirs: make(map[string]int64, len(dirs)), Duplicates: rep.Duplicates}
	for p, fi := range dirs {
		st.Dirs[relPath(opts.SiteDir, p)] = stampOf(fi, "").settled(now).ModTime
	}
	for _, f := range rep.Failures {
		if errors.Is(f, scrape.ErrUnsupported) {
			return nil // the command line tells more of it than its text
		}
		st.Failures = append(st.Failures, failedOf(f))
	}
	for _, w := range rep.Warnings {
		if !once[w] {
			st.Warnings = append(st.Warnings, failedOf(w))
		}
	}
	for p, fi := range infos {
		key := relPath(opts.SiteDir, p)
		s, ok := pre[key]
		if !ok || stampOf(fi, s.SHA256) != s { // not as before the run
			if !opts.wroteIn(p, written) {
				return nil // changed during the run, and not by it
			}
			s = stampOf(fi, "")
		}
		if s.SHA256 == "" {
			if k, ok := known[p]; ok && k.SHA256 != "" && k.fits(fi) {
				s.SHA256 = k.SHA256
			} else if s.SHA256, _ = fileDigest(opts.Fs, p); s.SHA256 == "" {
				return nil
			}
		}
		st.Files[key] = s.settled(now)
	}
	for _, it := range rep.Items {
		next := Item{Source: it.Source, Bundle: it.Bundle, Index: it.Index, Folder: it.Folder, Outcome: bundle.Unchanged}
		if it.Outcome == bundle.Kept {
			next = it
			next.Noted = next.Noted || it.Reason == bundle.ReasonHandEdit
		} else {
			key := relPath(opts.SiteDir, filepath.Join(opts.Target.Dir(opts.ContentDir, it.Folder), filepath.FromSlash(it.Bundle), it.Index))
			if e, ok := m.Entries[it.Source]; !ok || st.Files[key].SHA256 != e.WrittenSHA256 {
				return nil // edited while the run wrote it
			}
		}
		st.Items = append(st.Items, next)
	}
	return st
}

// wroteIn reports whether the file p is one an import may write: the manifest, a file of a
// bundle folder in written (in any content folder), or of an author's profile.
func (opts Options) wroteIn(p string, written map[string]bool) bool {
	if rel, ok := relLocal(opts.ContentDir, p); ok && (rel == bundle.ManifestName || strings.HasPrefix(rel, opts.Target.AuthorsKey()+"/")) {
		return true
	}
	for _, dir := range opts.Target.Dirs(opts.ContentDir) {
		if rel, ok := relLocal(dir, p); ok && written[path.Dir(rel)] {
			return true
		}
	}
	return false
}

// relLocal returns p relative to dir, with forward slashes, and whether p is inside dir.
func relLocal(dir, p string) (string, bool) {
	rel, err := filepath.Rel(dir, p)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// saveState records st for the next run, or removes the last record when st is nil.
func (opts Options) saveState(st *state) error {
	if st == nil {
		return bundle.SaveState(opts.Fs, opts.ContentDir, nil)
	}
	data, err := encodeState(st)
	if err != nil {
		return err
	}
	return bundle.SaveState(opts.Fs, opts.ContentDir, data)
}
