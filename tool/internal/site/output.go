package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/afero"
)

// outputs records the files a build writes into its publish folder, by path relative to it,
// so that the build can then remove what an earlier build left there, and how many times
// each was opened for writing: two pages at one address write the same file, from two
// goroutines at once.
type outputs struct {
	mu sync.Mutex
	// opened counts, per recorded file, the times it was opened for writing: 0 for a file
	// recorded as already in place (see addTree).
	opened map[string]int
}

func newOutputs() *outputs { return &outputs{opened: map[string]int{}} }

// outputKey is how a file is recorded: its path from the publish folder's root, cleaned.
func outputKey(name string) string { return filepath.Clean(string(filepath.Separator) + name) }

// add records a file left in place by the build.
func (o *outputs) add(name string) {
	o.mu.Lock()
	o.opened[outputKey(name)] += 0
	o.mu.Unlock()
}

// write records a file opened for writing.
func (o *outputs) write(name string) {
	o.mu.Lock()
	o.opened[outputKey(name)]++
	o.mu.Unlock()
}

// rewritten returns the files opened for writing more than once, sorted.
func (o *outputs) rewritten() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	var names []string
	for name, n := range o.opened {
		if n > 1 {
			names = append(names, filepath.ToSlash(strings.TrimPrefix(name, string(filepath.Separator))))
		}
	}
	slices.Sort(names)
	return names
}

// count returns how many files were recorded.
func (o *outputs) count() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.opened)
}

// reset forgets the files recorded so far: serve records each rebuild on its own.
func (o *outputs) reset() {
	o.mu.Lock()
	o.opened = map[string]int{}
	o.mu.Unlock()
}

// has reports whether the file name was recorded.
func (o *outputs) has(name string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	_, ok := o.opened[outputKey(name)]
	return ok
}

// wrap returns fsys, a publish folder's filesystem, recording every file created in it.
func (o *outputs) wrap(fsys afero.Fs) afero.Fs { return &recordingFs{Fs: fsys, o: o} }

// recordingFs is an afero.Fs that records the files created or opened for writing.
type recordingFs struct {
	afero.Fs
	o *outputs
}

func (r *recordingFs) Create(name string) (afero.File, error) {
	f, err := r.Fs.Create(name)
	if err == nil {
		r.o.write(name)
	}
	return f, err
}

func (r *recordingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	f, err := r.Fs.OpenFile(name, flag, perm)
	if err == nil && flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC|os.O_APPEND) != 0 {
		r.o.write(name)
	}
	return f, err
}

// addTree records every file of fsys under its root as written under dir: the static files
// a sync left in place because they were already there.
func (o *outputs) addTree(fsys afero.Fs, dir string) error {
	return afero.Walk(fsys, string(filepath.Separator), func(p string, fi fs.FileInfo, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if !fi.IsDir() {
			o.add(filepath.Join(dir, p))
		}
		return nil
	})
}

// prune removes from the publish folder dir on fsys every file the build did not write, and
// the folders that leaves empty; files and folders whose name starts with a dot (.git, say)
// are kept, and so is a symbolic link to a folder the build wrote through, which it never
// enters. It returns how many files it removed. It reads each folder's names once and looks
// up no file the build wrote (most of the entries): only the folders and the other files.
func (o *outputs) prune(fsys afero.Fs, dir string) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	p := pruner{fsys: fsys, root: dir, files: o.opened, dirs: map[string]bool{}}
	for name := range o.opened {
		for d := filepath.Dir(name); !p.dirs[d]; d = filepath.Dir(d) {
			p.dirs[d] = true
		}
	}
	_, err := p.folder(string(filepath.Separator))
	return p.removed, err
}

// pruner removes what a build did not write from a publish folder (see outputs.prune).
type pruner struct {
	fsys    afero.Fs
	root    string
	files   map[string]int  // the files written, by outputKey
	dirs    map[string]bool // the folders holding them, by outputKey
	removed int
}

// folder prunes the folder rel (an outputKey) and returns how many entries it keeps.
func (p *pruner) folder(rel string) (int, error) {
	f, err := p.fsys.Open(filepath.Join(p.root, rel))
	if err != nil {
		return 0, err
	}
	names, err := f.Readdirnames(-1)
	f.Close()
	if err != nil {
		return 0, err
	}
	slices.Sort(names)
	kept := 0
	for _, name := range names {
		key := filepath.Join(rel, name)
		if _, ok := p.files[key]; ok || strings.HasPrefix(name, ".") {
			kept++
			continue
		}
		fi, err := lstat(p.fsys, filepath.Join(p.root, key))
		if err != nil {
			return kept, err
		}
		if p.dirs[key] && fi.Mode()&fs.ModeSymlink != 0 {
			kept++ // a link the build wrote through: its target lies outside the publish folder
			continue
		}
		if !fi.IsDir() {
			if err := p.fsys.Remove(filepath.Join(p.root, key)); err != nil {
				return kept, fmt.Errorf("failed to remove the stale %q: %w", filepath.Join(p.root, key), err)
			}
			p.removed++
			continue
		}
		left, err := p.folder(key)
		if err != nil {
			return kept, err
		}
		if left > 0 || p.fsys.Remove(filepath.Join(p.root, key)) != nil {
			kept++
		}
	}
	return kept, nil
}

// lstat describes the file name on fsys without following a symbolic link, where fsys can.
func lstat(fsys afero.Fs, name string) (fs.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		fi, _, err := l.LstatIfPossible(name)
		return fi, err
	}
	return fsys.Stat(name)
}

// ErrPublishDir reports a publish folder that a build must not write to: the site folder, a
// folder holding it, or one of the folders the build reads.
var ErrPublishDir = errors.New("the build would write over the site's own files")

// checkPublishDir returns an error wrapping ErrPublishDir when the publish folder dir is,
// holds or lies in one of the folders sources (the site folder itself holds them all).
func checkPublishDir(dir string, sources []string) error {
	within := func(a, b string) bool { // a is b or lies inside it
		r, err := filepath.Rel(b, a)
		return err == nil && filepath.IsLocal(r)
	}
	for _, s := range sources {
		if within(dir, s) || within(s, dir) {
			return fmt.Errorf("the publish folder %q overlaps %q: %w", dir, s, ErrPublishDir)
		}
	}
	return nil
}
