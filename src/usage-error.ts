// Bad usage (an unknown option value, a refused combination of paths): the command exits 2
// before any work. Every layer may raise it, so it sits at the bottom.
export class UsageError extends Error {
  code = 'usage'
}
