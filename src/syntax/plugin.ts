// The newsclean syntax as a unified plugin: the parser (text -> one paragraph per non-blank
// line) and the compiler (paragraphs joined by LF, one final LF). The cleaning plugins work on
// the tree it makes, so a pipeline of them starts with `.use(syntax)`.
import type {Plugin} from 'unified'
import {parse} from './parse.js'
import {stringify} from './stringify.js'
import type {Root} from './types.js'

// Typed as a parser, string -> Root (a plugin's type has room for one side); it sets the
// compiler too.
const syntax: Plugin<[], string, Root> = function () {
  this.parser = (document: string) => parse(document)
  this.compiler = (tree) => stringify(tree as Root)
}

export default syntax
