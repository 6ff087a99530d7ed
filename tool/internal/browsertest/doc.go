// Package browsertest checks the built demo site in a real browser: the seed's article at a
// phone's and a desktop's width (where the editors' sidebar stands, with screenshots kept as
// artifacts), axe-core's WCAG 2.2 A and AA rules on every kind of page at both widths in
// light and dark schemes, the Nu Html Checker, the demo built without a base URL and read
// from the disk through file: addresses, and Lighthouse's floors. Every page must answer 200
// and log no error. It holds only tests.
//
// The tools are found at their usual places and skipped with a message when missing:
// Chromium at /usr/bin/chromium (or $KIOSQUE_CHROMIUM), axe-core and vnu-jar under
// .ci/npm/node_modules (or $KIOSQUE_NODE_MODULES), java on the PATH. With
// KIOSQUE_REQUIRE_BROWSER=1, as .ci/run sets it, a missing tool fails the tests instead.
// Screenshots go to $KIOSQUE_ARTIFACTS, or to a temporary folder whose path is logged.
// KIOSQUE_LIGHTHOUSE=1 also runs Lighthouse on two article pages, logs their four scores and
// fails under 95 for performance or 100 for the other three.
package browsertest
