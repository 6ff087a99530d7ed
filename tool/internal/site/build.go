package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bep/logg"
	"github.com/bep/overlayfs"
	"github.com/gohugoio/hugo/common/herrors"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/gohugoio/hugo/resources/kinds"
	"github.com/spf13/afero"
	"github.com/spf13/fsync"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
)

// ThemeName is the folder name the bundled theme is mounted under (themes/<ThemeName>).
const ThemeName = "kiosque"

// Options say which site to build and how.
type Options struct {
	// Fs is the site folder's filesystem: afero.NewOsFs() for a real site, a MemMapFs in tests.
	Fs afero.Fs
	// WorkingDir is the site folder's absolute path on Fs.
	WorkingDir string
	// Theme is the bundled theme (layouts/, i18n/, assets/ ...); Archetypes are its archetypes.
	Theme, Archetypes fs.FS
	// BaseURL overrides the site's baseURL when set.
	BaseURL string
	// Destination overrides the publish folder ("public") when set.
	Destination string
	// BuildDrafts renders draft pages too.
	BuildDrafts bool
	// Environment is "production" (the default) or "development".
	Environment string
	// Log receives Hugo's warnings and errors; nil discards them.
	Log io.Writer
	// Similar lists the similar pages of every regular page at each build, in memory only
	// (see SimilarData), for the theme's sidebar to use when a page's front matter has none.
	Similar bool
	// User is the site's own configuration when the caller has read it already (see
	// LoadUserConfig); nil reads it.
	User config.Provider
	// Layout is the site's layout when the caller has read it already (see ReadLayout); nil
	// reads it.
	Layout *Layout
	// Inputs are folders the caller reads for the build besides Hugo's (kiosque's inbox of
	// scrapes): the publish folder may not overlap them, and Serve watches them.
	Inputs []string
	// Progress follows the build's stages (StageHugo ...); nil for none.
	Progress Progress
	// TemplateMetrics collects Hugo's template metrics into Result.Templates.
	TemplateMetrics bool
	// Segments, when set, render these segments of the site's [segments] only (Hugo's
	// renderSegments): a build in parts, each removing no file (see Build).
	Segments []string
	// Helper hands the theme a Helper (see HelperParam), which does in Go what its templates
	// would otherwise do for every page. Serve ignores it.
	Helper bool
}

// Result sums up a build.
type Result struct {
	// Pages counts the regular pages (articles) built.
	Pages int
	// AllPages counts every page, lists and terms included.
	AllPages int
	// PublishDir is the absolute folder the site was written to.
	PublishDir string
	// Removed counts the files of earlier builds that this one did not write, removed from
	// the publish folder.
	Removed int
	// Duration is how long the build took.
	Duration time.Duration
	// Segments are the segments rendered, none for the whole site.
	Segments []string
	// Written counts the files the build wrote into the publish folder, static files included.
	Written int
	// Rewritten are the files the build wrote more than once, relative to the publish folder
	// with forward slashes: two pages at one address, whose concurrent writes can leave the
	// file corrupt. A sound site has none.
	Rewritten []string
	// Templates are the times of the templates executed, the longest first, when
	// Options.TemplateMetrics is set.
	Templates []TemplateTime
}

// Build renders the site into its publish folder, then removes from it the files the build
// did not write (a deleted article's page, say), except those whose name starts with a dot
// (a publish folder that was empty or missing holds nothing else, and is not read again);
// a build of some segments only (Options.Segments, or the site's renderSegments) removes
// nothing, since the files it did not write are the other segments'.
// A publish folder that is the site folder, holds it, or overlaps a folder the build reads
// is an error wrapping ErrPublishDir, before anything is written. The garbage collector runs
// at BuildGCPercent meanwhile, unless GOGC is set.
func Build(opts Options) (Result, error) {
	start := time.Now()
	defer tuneGC()()
	progress := opts.progress()
	progress.Start(StagePrepare)
	out := newOutputs()
	x := internal{written: out}
	if opts.Helper {
		x.helper = &Helper{}
	}
	sites, cfg, err := newSites(opts, x)
	if err != nil {
		return Result{}, err
	}
	defer sites.Close()
	if err := checkPublishDir(cfg.publishDir, sourceDirs(opts, cfg)); err != nil {
		return Result{}, err
	}
	fresh := emptyDir(opts.Fs, cfg.publishDir) // nothing of earlier builds to remove
	progress.Done()

	progress.Start(StageHugo)
	if err := sites.Build(hugolib.BuildCfg{NoBuildLock: true}); err != nil {
		return Result{}, fmt.Errorf("failed to build the site: %w", err)
	}
	progress.Done()
	progress.Start(StageStatic)
	if err := copyStatic(sites, cfg, out); err != nil {
		return Result{}, err
	}
	progress.Done()
	progress.Start(StageSearch)
	if err := writeSearchIndex(sites, cfg.fs.PublishDir); err != nil {
		return Result{}, err
	}
	progress.Done()
	removed := 0
	if !cfg.segmented() {
		progress.Start(StagePrune)
		if !fresh {
			if removed, err = out.prune(opts.Fs, cfg.publishDir); err != nil {
				return Result{}, err
			}
		}
		progress.Done()
	}
	res := Result{PublishDir: cfg.publishDir, Removed: removed, Segments: cfg.configs.Base.RenderSegments,
		Written: out.count(), Rewritten: out.rewritten(), Duration: time.Since(start), Templates: templateTimes(sites)}
	for _, p := range sites.Pages() {
		res.AllPages++
		if p.Kind() == kinds.KindPage {
			res.Pages++
		}
	}
	return res, nil
}

// sourceDirs returns the folders a build of the site reads: Hugo's (content, layouts, static,
// ...), its configuration folder and the caller's Inputs, as absolute paths.
func sourceDirs(opts Options, cfg builtConfig) []string {
	b := cfg.configs.Base
	dirs := append([]string{b.ContentDir, b.DataDir, b.LayoutDir, b.I18nDir, b.ArcheTypeDir, b.AssetDir, b.ThemesDir, "config"}, b.StaticDir...)
	for _, lang := range slices.Sorted(maps.Keys(cfg.configs.LanguageConfigMap)) {
		if d := cfg.configs.LanguageConfigMap[lang].ContentDir; d != "" && !slices.Contains(dirs, d) {
			dirs = append(dirs, d) // a language's own content folder
		}
	}
	dirs = append(dirs, opts.Inputs...)
	var out []string
	for _, d := range dirs {
		if d == "" {
			continue
		}
		if !filepath.IsAbs(d) {
			d = filepath.Join(opts.WorkingDir, d)
		}
		out = append(out, filepath.Clean(d))
	}
	return out
}

// internal holds what the package's own commands (serve, new) change in a site's setup.
type internal struct {
	// publish receives the built site instead of Fs (serve builds into memory).
	publish afero.Fs
	// scratch, when set, is laid over the site folder and takes every write (new).
	scratch afero.Fs
	// server marks a live preview: absolute links to the preview's address.
	server bool
	// flags are more settings that override the site's.
	flags map[string]any
	// written, when set, records the files written into the publish folder.
	written *outputs
	// bare leaves out the files generated from the site's pages (new and CheckConfig need
	// none of them).
	bare bool
	// theme, when set, is the in-memory layer that receives the bundled theme and the
	// generated files (serve keeps it to update the generated files between builds).
	theme afero.Fs
	// generated, when set, are the generated files (see generatedFiles), read already.
	generated map[string][]byte
	// helper, when set, is handed to the theme (see HelperParam).
	helper *Helper
}

// generatedFiles returns what a build adds to the theme, by path relative to the theme
// folder, from one reading of the pages of the site's content folder (as its layout says):
// the archive sections always, and the similar lists when opts.Similar is set. A page that
// cannot be read is left out: Hugo reports it when it builds.
func generatedFiles(opts Options, user config.Provider, layout *Layout) (map[string][]byte, error) {
	cache := filepath.Join(layout.ContentDir, bundle.PagesCacheName)
	pages, _ := layout.Target.LoadPagesMetaCached(opts.Fs, layout.ContentDir, cache, nil)
	return generatedFrom(opts, user, layout, pages)
}

// generatedFrom returns the generated files (see generatedFiles) made from pages.
func generatedFrom(opts Options, user config.Provider, layout *Layout, pages []*article.Article) (map[string][]byte, error) {
	files := archiveFiles(pages, layout.Target.ArticlesDir(), time.Now(), user.GetBool("buildfuture"))
	if opts.Similar {
		similar, err := similarFiles(pages)
		if err != nil {
			return nil, err
		}
		if files == nil {
			files = map[string][]byte{}
		}
		maps.Copy(files, similar)
	}
	return files, nil
}

type builtConfig struct {
	configs    *allconfig.Configs
	fs         *hugofs.Fs
	publishDir string
}

// newSites loads the configuration of the overlaid site and returns Hugo's sites for it.
func newSites(opts Options, x internal) (*hugolib.HugoSites, builtConfig, error) {
	configs, layered, logger, err := loadConfig(opts, x)
	if err != nil {
		return nil, builtConfig{}, err
	}
	publishDir := publishDirOf(opts, configs)
	hfs := hugofs.NewFrom(layered, configs.LoadingInfo.BaseConfig)
	if x.publish != nil {
		pub := hugofs.NewBasePathFs(x.publish, publishDir)
		hfs.PublishDir, hfs.PublishDirServer, hfs.PublishDirStatic = pub, pub, pub
	}
	if x.written != nil {
		hfs.PublishDir = x.written.wrap(hfs.PublishDir)
		hfs.PublishDirStatic = x.written.wrap(hfs.PublishDirStatic)
	}
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{Configs: configs, Fs: hfs, LogLevel: logger.Level(), StdErr: logger.StdErr(), StdOut: logger.StdOut()})
	if err != nil {
		return nil, builtConfig{}, fmt.Errorf("failed to prepare the site in %q: %w", opts.WorkingDir, err)
	}
	if x.helper != nil {
		x.helper.sites = sites
	}
	return sites, builtConfig{configs: configs, fs: hfs, publishDir: publishDir}, nil
}

// CheckConfig loads the site's configuration as a build would, Hugo's checks included, and
// checks its publish folder (see Build), writing nothing: a command calls it before it
// writes anything, so that a broken configuration stops it first.
func CheckConfig(opts Options) error {
	configs, _, _, err := loadConfig(opts, internal{bare: true})
	if err != nil {
		return err
	}
	cfg := builtConfig{configs: configs, publishDir: publishDirOf(opts, configs)}
	return checkPublishDir(cfg.publishDir, sourceDirs(opts, cfg))
}

// publishDirOf returns the site's absolute publish folder.
func publishDirOf(opts Options, configs *allconfig.Configs) string {
	if d := configs.Base.PublishDir; filepath.IsAbs(d) {
		return d
	}
	return filepath.Join(opts.WorkingDir, configs.Base.PublishDir)
}

// loadConfig loads the configuration of the overlaid site through Hugo, with kiosque's
// defaults for every key the site leaves unset; it returns the overlaid filesystem and the
// logger the build uses.
func loadConfig(opts Options, x internal) (*allconfig.Configs, afero.Fs, loggers.Logger, error) {
	if !filepath.IsAbs(opts.WorkingDir) {
		return nil, nil, nil, fmt.Errorf("the site folder %q must be an absolute path", opts.WorkingDir)
	}
	if opts.Environment == "" {
		opts.Environment = "production"
	}
	opts, err := readSetup(opts, !x.bare)
	if err != nil {
		return nil, nil, nil, err
	}
	user, layout := opts.User, opts.Layout
	var generated map[string][]byte
	if !x.bare {
		if generated = x.generated; generated == nil {
			if generated, err = generatedFiles(opts, user, layout); err != nil {
				return nil, nil, nil, err
			}
		}
	}
	layered, err := overlay(opts, x.scratch, x.theme, generated)
	if err != nil {
		return nil, nil, nil, err
	}
	flags := config.New()
	applyDefaults(flags, user)
	if !user.IsSet("theme") {
		flags.Set("theme", ThemeName)
	}
	flags.Set("workingDir", opts.WorkingDir)
	if opts.BaseURL != "" {
		flags.Set("baseURL", opts.BaseURL)
	}
	if opts.Destination != "" {
		flags.Set("publishDir", opts.Destination)
	}
	if opts.BuildDrafts {
		flags.Set("buildDrafts", true)
	}
	if len(opts.Segments) > 0 {
		flags.Set("renderSegments", opts.Segments)
	}
	if layout != nil && !x.bare {
		// The theme's names of the site's layout (see its partial kiosque/names.html).
		flags.Set("params.kiosque.layout", map[string]any{
			"section": layout.Target.ArticlesDir(), "authors": layout.Target.AuthorsKey(), "tags": layout.Target.TagsKey(),
		})
	}
	if x.helper != nil {
		flags.Set(HelperParam, x.helper)
	}
	applyHosting(flags, user, opts, x)
	for k, v := range x.flags {
		flags.Set(k, v)
	}

	logOut := opts.Log
	if logOut == nil {
		logOut = io.Discard
	}
	stdOut := logOut
	if opts.TemplateMetrics {
		flags.Set("templateMetrics", true)
		stdOut = io.Discard // Hugo prints the metrics there: Result.Templates has them
	}
	logger := loggers.New(loggers.Options{StdOut: stdOut, StdErr: logOut, Level: logg.LevelWarn, DistinctLevel: logg.LevelWarn})

	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:          layered,
		Flags:       flags,
		Logger:      logger,
		Environment: opts.Environment,
		Environ:     cleanEnviron(),
		ConfigDir:   "config",
	})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("failed to load the site configuration in %q: %w", opts.WorkingDir, err)
	}
	if err := checkSegments(user, configs.Base.RenderSegments); err != nil {
		return nil, nil, nil, err
	}
	return configs, layered, logger, nil
}

// readSetup returns opts with the site's configuration read, and its layout too when
// layout is true, when opts has them not.
func readSetup(opts Options, layout bool) (Options, error) {
	var err error
	if opts.User == nil {
		if opts.User, err = LoadUserConfig(opts.Fs, opts.WorkingDir, opts.Environment); err != nil {
			return opts, err
		}
	}
	if layout && opts.Layout == nil {
		if opts.Layout, err = ReadLayout(opts, ""); err != nil {
			return opts, err
		}
	}
	return opts, nil
}

// overlay layers the user's folder over an in-memory copy of the bundled theme (into mem, or
// a new in-memory filesystem when nil), to which it adds the generated files (by path relative
// to the theme folder). Nothing is written to the user's folder.
func overlay(opts Options, scratch, mem afero.Fs, generated map[string][]byte) (afero.Fs, error) {
	if mem == nil {
		mem = afero.NewMemMapFs()
	}
	themeDir := themeDirOf(opts)
	if err := copyFS(mem, themeDir, opts.Theme); err != nil {
		return nil, err
	}
	if opts.Archetypes != nil {
		if err := copyFS(mem, filepath.Join(themeDir, "archetypes"), opts.Archetypes); err != nil {
			return nil, err
		}
	}
	for name, data := range generated {
		if err := addToTheme(mem, themeDir, name, data); err != nil {
			return nil, err
		}
	}
	layers := []afero.Fs{opts.Fs, mem}
	if scratch != nil {
		layers = append([]afero.Fs{scratch}, layers...)
	}
	return overlayfs.New(overlayfs.Options{Fss: layers, FirstWritable: true}), nil
}

// themeDirOf returns the folder the bundled theme is laid out in, over the site folder.
func themeDirOf(opts Options) string { return filepath.Join(opts.WorkingDir, "themes", ThemeName) }

// addToTheme writes the generated file name (relative to the theme folder) into mem.
func addToTheme(mem afero.Fs, themeDir, name string, data []byte) error {
	target := filepath.Join(themeDir, filepath.FromSlash(name))
	if err := mem.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	if err := afero.WriteFile(mem, target, data, 0o644); err != nil {
		return fmt.Errorf("failed to add %q to the theme: %w", name, err)
	}
	return nil
}

// copyFS copies every file of src into dst under dir.
func copyFS(dst afero.Fs, dir string, src fs.FS) error {
	if src == nil {
		return nil
	}
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return dst.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return fmt.Errorf("failed to read the bundled %q: %w", p, err)
		}
		return afero.WriteFile(dst, target, data, 0o644)
	})
}

// copyStatic copies the static folders of the site and its theme into the publish folder, as
// Hugo's command line does after a build; out, when set, records every static file, copied
// or already there.
func copyStatic(sites *hugolib.HugoSites, cfg builtConfig, out *outputs) error {
	for _, sfs := range sites.BaseFs.SourceFilesystems.Static {
		publish := string(filepath.Separator)
		if sfs.PublishFolder != "" {
			publish = filepath.Join(publish, sfs.PublishFolder)
		}
		syncer := fsync.NewSyncer()
		syncer.NoTimes = cfg.configs.Base.NoTimes
		syncer.NoChmod = cfg.configs.Base.NoChmod
		syncer.SrcFs = sfs.Fs
		syncer.DestFs = cfg.fs.PublishDirStatic
		if err := syncer.Sync(publish, string(filepath.Separator)); err != nil && !herrors.IsNotExist(err) {
			return fmt.Errorf("failed to copy static files: %w", err)
		}
		if out != nil {
			if err := out.addTree(sfs.Fs, publish); err != nil {
				return fmt.Errorf("failed to list static files: %w", err)
			}
		}
	}
	return nil
}

// cleanEnviron returns the process environment without HUGO_* variables, which would
// otherwise override even kiosque's own settings.
func cleanEnviron() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "HUGO") {
			continue
		}
		env = append(env, kv)
	}
	if len(env) == 0 {
		env = []string{"KIOSQUE=1"} // an empty Environ would make Hugo read os.Environ itself
	}
	return env
}

// emptyDir reports whether the folder dir on fsys is missing or holds nothing.
func emptyDir(fsys afero.Fs, dir string) bool {
	f, err := fsys.Open(dir)
	if err != nil {
		return errors.Is(err, fs.ErrNotExist)
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	return len(names) == 0 && errors.Is(err, io.EOF)
}
