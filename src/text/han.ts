// The repair (src/repair/) still imports `isHan` from here; once it imports text/char-class, as
// every other step does, this file goes.
export {isHan} from './char-class.js'
