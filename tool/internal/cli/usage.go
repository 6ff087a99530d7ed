package cli

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// usageError marks an error in how the command was called: exit status 2. A hintError
// inside it says how to call it right.
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

// usagef returns a usage error with a message and a hint.
func usagef(hint, format string, args ...any) error {
	return usageError{hintError{fmt.Errorf(format, args...), hint}}
}

// helpHint is the hint of a usage error that has no better one: the command's usage line and
// where to read more.
func helpHint(cmd *cobra.Command) string {
	if cmd == nil || !cmd.HasParent() {
		return programName + " help lists the commands"
	}
	return fmt.Sprintf("usage: %s; %s help %s shows its flags", strings.TrimSuffix(cmd.UseLine(), " [flags]"), programName, cmd.Name())
}

// nearest returns the candidate closest to word by edit distance, if one is close enough to
// be what was meant: at most two edits, or a third of the word.
func nearest(word string, candidates []string) (string, bool) {
	best, bestD := "", -1
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(strings.ToLower(word), strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > max(2, len(word)/3) {
		return "", false
	}
	return best, true
}

var unknownCommandRe = regexp.MustCompile(`^unknown command "([^"]*)"`)

// flagError turns an error of flag parsing into a usage error whose hint names the flag that
// was meant ("did you mean --force?") or the command's flags.
func flagError(cmd *cobra.Command, err error) error {
	var notExist *pflag.NotExistError
	var invalid *pflag.InvalidValueError
	var missing *pflag.ValueRequiredError
	switch {
	case errors.As(err, &notExist) && notExist.GetSpecifiedShortnames() != "":
		return usagef(flagsHint(cmd), "unknown flag -%s", notExist.GetSpecifiedName())
	case errors.As(err, &notExist):
		name := notExist.GetSpecifiedName()
		var names []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				names = append(names, f.Name)
			}
		})
		if near, ok := nearest(name, names); ok {
			return usagef(fmt.Sprintf("did you mean --%s? %s", near, flagsHint(cmd)), "unknown flag --%s", name)
		}
		return usagef(flagsHint(cmd), "unknown flag --%s", name)
	case errors.As(err, &invalid):
		want := "a valid value"
		switch invalid.GetFlag().Value.Type() {
		case "int", "int64", "uint":
			want = "a number"
		case "bool":
			want = "true or false"
		}
		return usagef(flagsHint(cmd), "invalid --%s %q: want %s", invalid.GetFlag().Name, invalid.GetValue(), want)
	case errors.As(err, &missing):
		return usagef(flagsHint(cmd), "--%s needs a value", missing.GetFlag().Name)
	}
	return usageError{hintError{err, flagsHint(cmd)}}
}

func flagsHint(cmd *cobra.Command) string {
	if !cmd.HasParent() {
		return programName + " help lists the commands and the flags every command takes"
	}
	return fmt.Sprintf("%s help %s lists its flags", programName, cmd.Name())
}

// commandError rewrites cobra's "unknown command" error, which spans several lines, as one
// line and a hint naming the command that was meant.
func commandError(root *cobra.Command, err error) error {
	m := unknownCommandRe.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	return unknownCommand(root, m[1])
}

// unknownCommand is the usage error for a command name kiosque does not have.
func unknownCommand(root *cobra.Command, name string) error {
	hint := programName + " help lists the commands"
	if s := root.SuggestionsFor(name); len(s) > 0 {
		hint = fmt.Sprintf("did you mean %s %s? %s", programName, s[0], hint)
	}
	return usagef(hint, "unknown command %q", name)
}

// newHelpCmd is `kiosque help [COMMAND]`, which, unlike cobra's, fails on an unknown command.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Show the help of kiosque or of one command",
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				name := strings.Join(args, " ")
				if len(rest) > 0 {
					name = rest[0]
				}
				return unknownCommand(root, name)
			}
			target.InitDefaultHelpFlag()
			return target.Help()
		},
	}
}

// wantArgs checks a command's arguments, turning cobra's terse messages into usage errors that
// say what the command takes.
func wantArgs(what string, min, max int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) < min:
			return usagef(helpHint(cmd), "%s %s needs %s", programName, cmd.Name(), what)
		case max >= 0 && len(args) > max && max == 0:
			return usagef(helpHint(cmd), "%s %s takes no arguments, got %q", programName, cmd.Name(), args[0])
		case max >= 0 && len(args) > max:
			return usagef(helpHint(cmd), "%s %s takes %s, got %d arguments", programName, cmd.Name(), what, len(args))
		}
		return nil
	}
}

// isUsage reports whether err is a usage error, kiosque's own or cobra's unknown command.
func isUsage(err error) bool {
	var u usageError
	if errors.As(err, &u) {
		return true
	}
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command")
}
