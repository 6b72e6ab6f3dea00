"""How much a decoded text reads as Chinese: the score that picks GB18030 or Big5.

Big5 bytes often decode without error as GB18030 (and GB bytes as Big5), but the
result is a scatter of rare characters, kana and symbols. Real bulletins, in either
script, are mostly made of a few hundred common characters.
"""

import re
import unicodedata
from collections import Counter

# About 650 of the most frequent Chinese characters plus the vocabulary of epidemic
# bulletins, in simplified form, followed by their traditional forms (Taiwan and
# Hong Kong variants included), which were generated once with OpenCC.
COMMON_HANZI = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方"
    "多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情"
    "明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给"
    "世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四神总何电数安少报才结反受目太量"
    "再感建务做接必场件计管期市直资命山金指许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式"
    "色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极"
    "林服快办议往元士证近失转夫令准布始存未远叫台单影具字爱击流备兵连调深商算质团集百需价花党华城石级整府离况请技际约示复病息"
    "究线官火断精满支视消越器容照须九增研写称企八功包片史委查轻易早曾除农找装广显阿标谈吃图念六引历首医局突专费号尽另周较注语"
    "仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维划致律足态护七兴派孩验责营星够章音跟志底站严例防族供效续施留讲型料"
    "终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举父密低朝友诉止细愿千值仍男钱破网热助倒育属坐限般假冠肺炎毒诊症"
    "状染阳初筛隔控核酸检测触跨协排闭环急输愈累截省县镇乡街村楼卫健副零余均归险疫措配居哈尔滨龙津庆州圳香港湾這個們來爲國說時"
    "會對於過發後裏種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內給門兒東聲員論處義幾認條氣題別變總電"
    "數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺術領確傳師觀讓識帶導爭運飛風乾聯組濟車親極辦議證轉準遠臺單"
    "愛擊備連調質團價黨華級離況請際約覆線斷滿視須寫稱輕農裝廣顯標談喫圖歷醫專費號盡較語僅隨選紅響雖勢參衆構節維劃態護興驗責營"
    "夠嚴續講終緊黃絕羣項圍織鬥雙紀採舉訴細願錢網熱屬診狀陽篩檢測觸協閉環輸癒縣鎮鄉樓衛佈餘歸險爾濱龍慶灣為著裡眾説衞"
)

# Punctuation and symbols are neutral: they appear in real text and in mojibake alike.
_NEUTRAL_RANGES = (
    (0x2000, 0x206F),  # general punctuation: — … “ ”
    (0x3000, 0x303F),  # CJK punctuation: 、 。 《 》
    (0xFF00, 0xFFEF),  # full-width forms: , ; : ( )
)

# Characters a bulletin practically never contains but mojibake often does.
_RARE_RANGES = (
    (0x3400, 0x4DBF),  # CJK extension A
    (0xE000, 0xF8FF),  # private use
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x10FFFF),  # extension B and beyond, supplementary private use
)
_RARE_CATEGORIES = {"Cn", "Co", "Cs", "Cc"}

# Below this score a text does not read as Chinese.
CHINESE_THRESHOLD = 0.3


def _char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges)


# The counting is done by regular expressions, which run in C: pages are long and many.
_NOT_COUNTED = re.compile(f"[\\x00-\\x7f{_char_class(_NEUTRAL_RANGES)}]+")
_COMMON = re.compile(f"[{''.join(map(re.escape, sorted(COMMON_HANZI)))}]+")
_RARE = re.compile(f"[{_char_class(_RARE_RANGES)}]+")


def chinese_score(text: str) -> float:
    """Share of common Chinese characters among the non-ASCII letters, minus rare ones.

    Between -2 and 1; 0 when the text has no non-ASCII letters.
    """
    counted_text = _NOT_COUNTED.sub("", text)
    if not counted_text:
        return 0.0
    uncommon = _COMMON.sub("", counted_text)
    common = len(counted_text) - len(uncommon)
    others = _RARE.sub("", uncommon)
    rare = len(uncommon) - len(others)
    rare += sum(
        count for char, count in Counter(others).items() if unicodedata.category(char) in _RARE_CATEGORIES
    )
    return (common - 2 * rare) / len(counted_text)


def reads_as_chinese(text: str) -> bool:
    return chinese_score(text) >= CHINESE_THRESHOLD
