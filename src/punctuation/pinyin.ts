// Pinyin for R1: a syllable read out of an annotation, without its tone, and the readings of a
// Han character (pinyin-pro, which knows traditional characters too), cached per character.
// Toneless forms write u-umlaut as `v` (`lv`, `nve`), the way pinyin input methods type it.
// Every toneless syllable pinyin-pro gives any character (generated from its dictionary; 415).
const syllableList =
  'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang ' +
  'cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan ' +
  'chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia ' +
  'dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo ' +
  'fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai ' +
  'han hang hao he hei hen heng hng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang ' +
  'jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua ' +
  'kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling ' +
  'liu lo long lou lu luan lun luo lv lve m ma mai man mang mao me mei men meng mi mian miao mie ' +
  'min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nian niang niao nie nin ning ' +
  'niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping ' +
  'po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ' +
  'ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she ' +
  'shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun ' +
  'suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai ' +
  'wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan ' +
  'yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai ' +
  'zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi ' +
  'zong zou zu zuan zui zun zuo'
const syllables = new Set(syllableList.split(' '))

export function isSyllable(toneless: string): boolean {
  return syllables.has(toneless)
}

// The toneless readings of a Han character: `diao` and `tiao` for the character of `diaocha`.
export type ReadingsOf = (code: number) => readonly string[]

let loading: Promise<ReadingsOf> | undefined

// pinyin-pro's dictionary takes 50-150 ms to load, so it is loaded the first time a document
// holds a possible annotation, not when the processor starts.
export function loadReadings(): Promise<ReadingsOf> {
  loading ??= import('pinyin-pro').then(({pinyin}) => {
    const cache = new Map<number, readonly string[]>()
    return (code: number) => {
      let readings = cache.get(code)
      if (readings === undefined) {
        const character = String.fromCodePoint(code)
        readings = pinyin(character, {multiple: true, type: 'array', toneType: 'none'})
          .filter((reading) => reading !== character)
          .map((reading) => reading.replaceAll('\u00FC', 'v'))
        cache.set(code, readings)
      }
      return readings
    }
  })
  return loading
}

export interface Annotation {
  // The annotation's end, after its closing bracket.
  end: number
  // The syllable without tones, u-umlaut as `v`.
  toneless: string
  // Whether the syllable carries a tone mark.
  toned: boolean
}

// The pinyin-like annotation opening at `start` (`(` or U+FF08): one lowercase syllable, tone
// marks allowed, then `)` or U+FF09. Undefined when what the brackets hold cannot be a syllable.
export function readAnnotation(value: string, start: number): Annotation | undefined {
  let toneless = ''
  let toned = false
  let index = start + 1
  for (; index < value.length && index - start <= maxSyllableUnits; index++) {
    const code = value.charCodeAt(index)
    if (code >= 0x61 && code <= 0x7a) toneless += String.fromCharCode(code)
    else if (isToneMark(code)) toned = true
    else if (code === 0xfc) toneless += 'v'
    else if (code === 0x308 && toneless.endsWith('u')) toneless = toneless.slice(0, -1) + 'v'
    else {
      const letter = tonelessLetterOf(code)
      if (letter === '') break
      toneless += letter
      toned = true
    }
  }
  const close = value.charCodeAt(index)
  if (toneless === '' || (close !== 0x29 && close !== 0xff09)) return undefined
  return {end: index + 1, toneless, toned}
}

// `zhuang` with a combining tone mark (7 units) is the longest syllable, plus one unit of slack.
const maxSyllableUnits = 8

// A combining grave, acute, macron or caron, written after the vowel it marks.
function isToneMark(code: number): boolean {
  return code === 0x300 || code === 0x301 || code === 0x304 || code === 0x30c
}

// Precomposed pinyin letters with a tone mark (a e i o u, u-umlaut, n, m) and their toneless letters.
const tonedLetters =
  '\u0101\u00E1\u01CE\u00E0\u0113\u00E9\u011B\u00E8\u012B\u00ED\u01D0\u00EC\u014D\u00F3\u01D2\u00F2' +
  '\u016B\u00FA\u01D4\u00F9\u01D6\u01D8\u01DA\u01DC\u0144\u0148\u01F9\u1E3F'
const tonelessLetters = 'aaaaeeeeiiiioooouuuuvvvvnnnm'

// The toneless letter of a toned pinyin letter; '' for any other character.
function tonelessLetterOf(code: number): string {
  const at = tonedLetters.indexOf(String.fromCharCode(code))
  return at < 0 ? '' : tonelessLetters[at]!
}
