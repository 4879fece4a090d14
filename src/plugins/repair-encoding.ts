// repair-encoding: placeholder until its issue lands; changes nothing.
import type {Plugin} from 'unified'
import type {Root} from '../syntax/types.js'

export interface Options {}

const repairEncoding: Plugin<[Options?], Root> = function () {
  return function () {}
}

export default repairEncoding
