package browsertest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// consoleErrors collects what a tab reports as errors: console.error calls, uncaught
// exceptions, and the browser's own error entries (a resource that failed to load, a
// stylesheet refused for its integrity, ...).
type consoleErrors struct {
	mu   sync.Mutex
	list []string
}

func (c *consoleErrors) add(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.list = append(c.list, s)
}

func (c *consoleErrors) all() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.list...)
}

// listen records the errors of the tab of ctx; the tab must not be open yet.
func (c *consoleErrors) listen(ctx context.Context) error {
	return chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
				}
				c.add("console." + string(ev.Type) + ": " + strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			msg := ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
			c.add("uncaught exception: " + msg)
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				c.add(fmt.Sprintf("%s error: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		}
	})
}

// page is a tab of the browser on one page of the site.
type page struct {
	ctx    context.Context
	errors *consoleErrors
}

// openPage opens url in a new tab of the browser ctx, after the setup actions (a viewport, a
// media emulation), and waits until the element ready is visible. An http page must answer
// 200: a missing page would otherwise be checked as the site's 404 page. When the test ends,
// every error the page reported (see consoleErrors) fails it.
func openPage(t *testing.T, ctx context.Context, url, ready string, setup ...chromedp.Action[chromedp.Void]) *page {
	t.Helper()
	tab, cancel := chromedp.NewContext(ctx)
	tab, cancelTimeout := context.WithTimeout(tab, 30*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	p := &page{ctx: tab, errors: &consoleErrors{}}
	if err := p.errors.listen(tab); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, setup...); err != nil {
		t.Fatal(err)
	}
	resp, err := chromedp.RunResponse(tab, chromedp.Navigate(url))
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	if strings.HasPrefix(url, "http") && resp.Status != 200 {
		t.Fatalf("%s answered %d %s, want 200", url, resp.Status, resp.StatusText)
	}
	if err := chromedp.Do(tab, chromedp.WaitVisible(ready)); err != nil {
		t.Fatalf("%s: %s never showed: %v", url, ready, err)
	}
	t.Cleanup(func() {
		for _, e := range p.errors.all() {
			t.Errorf("%s: %s", url, e)
		}
	})
	return p
}

// follow clicks the element sel, waits for the page it leads to and for the element ready in
// it, and returns the new address.
func (p *page) follow(t *testing.T, sel, ready string) string {
	t.Helper()
	if _, err := chromedp.RunResponse(p.ctx, chromedp.Click(sel, chromedp.NodeVisible)); err != nil {
		t.Fatalf("clicking %s: %v", sel, err)
	}
	if err := chromedp.Do(p.ctx, chromedp.WaitVisible(ready)); err != nil {
		t.Fatalf("after clicking %s, %s never showed: %v", sel, ready, err)
	}
	loc, err := chromedp.Run(p.ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, p *page, expr string) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}
