/**
 * GB/T 2260 administrative divisions used by the seed: Shenzhen and its districts, the
 * retired codes that old resident ID numbers still carry, and the home divisions of the
 * migrants who make up a large share of the city. Street (街道) and road names per district
 * build realistic addresses.
 */
import type { Executor } from "../client";
import { divisions } from "../schema";

export type DivisionRow = {
  code: string;
  nameZh: string;
  nameEn: string;
  parentCode: string | null;
  level: 1 | 2 | 3;
  retiredOn: string | null;
};

/** Full name prefix for addresses, e.g. "广东省深圳市福田区". */
export type Division = DivisionRow & { fullNameZh: string };

const PROVINCES: DivisionRow[] = [
  { code: "440000", nameZh: "广东省", nameEn: "Guangdong Province", parentCode: null, level: 1, retiredOn: null },
  { code: "430000", nameZh: "湖南省", nameEn: "Hunan Province", parentCode: null, level: 1, retiredOn: null },
  { code: "360000", nameZh: "江西省", nameEn: "Jiangxi Province", parentCode: null, level: 1, retiredOn: null },
  { code: "450000", nameZh: "广西壮族自治区", nameEn: "Guangxi Zhuang Autonomous Region", parentCode: null, level: 1, retiredOn: null },
  { code: "420000", nameZh: "湖北省", nameEn: "Hubei Province", parentCode: null, level: 1, retiredOn: null },
  { code: "510000", nameZh: "四川省", nameEn: "Sichuan Province", parentCode: null, level: 1, retiredOn: null },
  { code: "610000", nameZh: "陕西省", nameEn: "Shaanxi Province", parentCode: null, level: 1, retiredOn: null },
  { code: "410000", nameZh: "河南省", nameEn: "Henan Province", parentCode: null, level: 1, retiredOn: null },
  { code: "350000", nameZh: "福建省", nameEn: "Fujian Province", parentCode: null, level: 1, retiredOn: null },
  { code: "500000", nameZh: "重庆市", nameEn: "Chongqing Municipality", parentCode: null, level: 1, retiredOn: null },
  { code: "340000", nameZh: "安徽省", nameEn: "Anhui Province", parentCode: null, level: 1, retiredOn: null },
];

const PREFECTURES: DivisionRow[] = [
  { code: "440300", nameZh: "深圳市", nameEn: "Shenzhen", parentCode: "440000", level: 2, retiredOn: null },
  { code: "440500", nameZh: "汕头市", nameEn: "Shantou", parentCode: "440000", level: 2, retiredOn: null },
  { code: "440800", nameZh: "湛江市", nameEn: "Zhanjiang", parentCode: "440000", level: 2, retiredOn: null },
  { code: "441400", nameZh: "梅州市", nameEn: "Meizhou", parentCode: "440000", level: 2, retiredOn: null },
  { code: "441500", nameZh: "汕尾市", nameEn: "Shanwei", parentCode: "440000", level: 2, retiredOn: null },
  { code: "445200", nameZh: "揭阳市", nameEn: "Jieyang", parentCode: "440000", level: 2, retiredOn: null },
  { code: "430100", nameZh: "长沙市", nameEn: "Changsha", parentCode: "430000", level: 2, retiredOn: null },
  { code: "430600", nameZh: "岳阳市", nameEn: "Yueyang", parentCode: "430000", level: 2, retiredOn: null },
  { code: "431000", nameZh: "郴州市", nameEn: "Chenzhou", parentCode: "430000", level: 2, retiredOn: null },
  { code: "360100", nameZh: "南昌市", nameEn: "Nanchang", parentCode: "360000", level: 2, retiredOn: null },
  { code: "360700", nameZh: "赣州市", nameEn: "Ganzhou", parentCode: "360000", level: 2, retiredOn: null },
  { code: "450100", nameZh: "南宁市", nameEn: "Nanning", parentCode: "450000", level: 2, retiredOn: null },
  { code: "450800", nameZh: "贵港市", nameEn: "Guigang", parentCode: "450000", level: 2, retiredOn: null },
  { code: "420100", nameZh: "武汉市", nameEn: "Wuhan", parentCode: "420000", level: 2, retiredOn: null },
  { code: "421000", nameZh: "荆州市", nameEn: "Jingzhou", parentCode: "420000", level: 2, retiredOn: null },
  { code: "510100", nameZh: "成都市", nameEn: "Chengdu", parentCode: "510000", level: 2, retiredOn: null },
  { code: "610100", nameZh: "西安市", nameEn: "Xi'an", parentCode: "610000", level: 2, retiredOn: null },
  { code: "411600", nameZh: "周口市", nameEn: "Zhoukou", parentCode: "410000", level: 2, retiredOn: null },
  // 周口地区 became the prefecture-level city of 周口市 (411600) in 2000.
  { code: "412700", nameZh: "周口地区", nameEn: "Zhoukou Prefecture", parentCode: "410000", level: 2, retiredOn: "2000-06-08" },
  { code: "350100", nameZh: "福州市", nameEn: "Fuzhou", parentCode: "350000", level: 2, retiredOn: null },
  { code: "500100", nameZh: "重庆市市辖区", nameEn: "Chongqing (districts)", parentCode: "500000", level: 2, retiredOn: null },
  { code: "340100", nameZh: "合肥市", nameEn: "Hefei", parentCode: "340000", level: 2, retiredOn: null },
];

/** Shenzhen's districts (current codes) — the seed's residence divisions. */
export const SHENZHEN_DISTRICTS: DivisionRow[] = [
  { code: "440303", nameZh: "罗湖区", nameEn: "Luohu District", parentCode: "440300", level: 3, retiredOn: null },
  { code: "440304", nameZh: "福田区", nameEn: "Futian District", parentCode: "440300", level: 3, retiredOn: null },
  { code: "440305", nameZh: "南山区", nameEn: "Nanshan District", parentCode: "440300", level: 3, retiredOn: null },
  { code: "440306", nameZh: "宝安区", nameEn: "Bao'an District", parentCode: "440300", level: 3, retiredOn: null },
  { code: "440307", nameZh: "龙岗区", nameEn: "Longgang District", parentCode: "440300", level: 3, retiredOn: null },
  { code: "440308", nameZh: "盐田区", nameEn: "Yantian District", parentCode: "440300", level: 3, retiredOn: null },
  { code: "440309", nameZh: "龙华区", nameEn: "Longhua District", parentCode: "440300", level: 3, retiredOn: null },
  { code: "440310", nameZh: "坪山区", nameEn: "Pingshan District", parentCode: "440300", level: 3, retiredOn: null },
  { code: "440311", nameZh: "光明区", nameEn: "Guangming District", parentCode: "440300", level: 3, retiredOn: null },
];

/**
 * Retired codes still carried by old ID numbers. 440301 (深圳市市辖区) was given to residents
 * registered before the districts had codes of their own. The retirement date is the
 * approximate date the code stopped being assigned.
 */
export const RETIRED_DIVISIONS: DivisionRow[] = [
  { code: "440301", nameZh: "深圳市市辖区", nameEn: "Shenzhen (city districts, retired)", parentCode: "440300", level: 3, retiredOn: "1990-12-31" },
  { code: "412702", nameZh: "周口市（县级）", nameEn: "Zhoukou (county-level city, retired)", parentCode: "412700", level: 3, retiredOn: "2000-06-08" },
];

/** Home divisions of migrants, with a weight for how often they appear in Shenzhen. */
export const ORIGIN_DIVISIONS: (DivisionRow & { weight: number })[] = [
  { code: "430102", nameZh: "芙蓉区", nameEn: "Furong District, Changsha", parentCode: "430100", level: 3, retiredOn: null, weight: 8 },
  { code: "430602", nameZh: "岳阳楼区", nameEn: "Yueyanglou District, Yueyang", parentCode: "430600", level: 3, retiredOn: null, weight: 6 },
  { code: "431002", nameZh: "北湖区", nameEn: "Beihu District, Chenzhou", parentCode: "431000", level: 3, retiredOn: null, weight: 6 },
  { code: "360102", nameZh: "东湖区", nameEn: "Donghu District, Nanchang", parentCode: "360100", level: 3, retiredOn: null, weight: 5 },
  { code: "360702", nameZh: "章贡区", nameEn: "Zhanggong District, Ganzhou", parentCode: "360700", level: 3, retiredOn: null, weight: 5 },
  { code: "450102", nameZh: "兴宁区", nameEn: "Xingning District, Nanning", parentCode: "450100", level: 3, retiredOn: null, weight: 5 },
  { code: "450821", nameZh: "平南县", nameEn: "Pingnan County, Guigang", parentCode: "450800", level: 3, retiredOn: null, weight: 4 },
  { code: "441502", nameZh: "城区", nameEn: "Chengqu, Shanwei", parentCode: "441500", level: 3, retiredOn: null, weight: 6 },
  { code: "445202", nameZh: "榕城区", nameEn: "Rongcheng District, Jieyang", parentCode: "445200", level: 3, retiredOn: null, weight: 5 },
  { code: "441402", nameZh: "梅江区", nameEn: "Meijiang District, Meizhou", parentCode: "441400", level: 3, retiredOn: null, weight: 5 },
  { code: "440512", nameZh: "濠江区", nameEn: "Haojiang District, Shantou", parentCode: "440500", level: 3, retiredOn: null, weight: 4 },
  { code: "440882", nameZh: "雷州市", nameEn: "Leizhou, Zhanjiang", parentCode: "440800", level: 3, retiredOn: null, weight: 4 },
  { code: "420102", nameZh: "江岸区", nameEn: "Jiang'an District, Wuhan", parentCode: "420100", level: 3, retiredOn: null, weight: 4 },
  { code: "421002", nameZh: "沙市区", nameEn: "Shashi District, Jingzhou", parentCode: "421000", level: 3, retiredOn: null, weight: 4 },
  { code: "510104", nameZh: "锦江区", nameEn: "Jinjiang District, Chengdu", parentCode: "510100", level: 3, retiredOn: null, weight: 3 },
  { code: "610113", nameZh: "雁塔区", nameEn: "Yanta District, Xi'an", parentCode: "610100", level: 3, retiredOn: null, weight: 2 },
  { code: "411602", nameZh: "川汇区", nameEn: "Chuanhui District, Zhoukou", parentCode: "411600", level: 3, retiredOn: null, weight: 4 },
  { code: "350102", nameZh: "鼓楼区", nameEn: "Gulou District, Fuzhou", parentCode: "350100", level: 3, retiredOn: null, weight: 2 },
  { code: "500101", nameZh: "万州区", nameEn: "Wanzhou District, Chongqing", parentCode: "500100", level: 3, retiredOn: null, weight: 3 },
  { code: "340102", nameZh: "瑶海区", nameEn: "Yaohai District, Hefei", parentCode: "340100", level: 3, retiredOn: null, weight: 2 },
];

/** Residents per district (millions, 2020 census) — weights for where people live. */
export const DISTRICT_POPULATION_WEIGHTS: readonly (readonly [string, number])[] = [
  ["440306", 4.47],
  ["440307", 3.98],
  ["440309", 2.52],
  ["440305", 1.8],
  ["440304", 1.55],
  ["440303", 1.14],
  ["440311", 1.1],
  ["440310", 0.55],
  ["440308", 0.21],
];

/** Year each current district code came into use; earlier births carry the parent district's or 440301. */
export const DISTRICT_CREATED: Readonly<Record<string, { year: number; before: string }>> = {
  "440303": { year: 1990, before: "440301" },
  "440304": { year: 1990, before: "440301" },
  "440305": { year: 1990, before: "440301" },
  "440306": { year: 1993, before: "440301" },
  "440307": { year: 1993, before: "440301" },
  "440308": { year: 1998, before: "440303" },
  "440309": { year: 2017, before: "440306" },
  "440310": { year: 2017, before: "440307" },
  "440311": { year: 2018, before: "440306" },
};

/** 街道 (sub-districts) per Shenzhen district. */
export const STREETS: Readonly<Record<string, readonly string[]>> = {
  "440303": ["桂园街道", "黄贝街道", "东门街道", "翠竹街道", "南湖街道", "笋岗街道", "东湖街道", "莲塘街道", "东晓街道", "清水河街道"],
  "440304": ["园岭街道", "南园街道", "福田街道", "沙头街道", "香蜜湖街道", "梅林街道", "莲花街道", "华富街道", "福保街道", "华强北街道"],
  "440305": ["南头街道", "南山街道", "沙河街道", "蛇口街道", "招商街道", "粤海街道", "桃源街道", "西丽街道"],
  "440306": ["新安街道", "西乡街道", "航城街道", "福永街道", "福海街道", "沙井街道", "新桥街道", "松岗街道", "燕罗街道", "石岩街道"],
  "440307": ["平湖街道", "坂田街道", "布吉街道", "南湾街道", "横岗街道", "龙城街道", "龙岗街道", "坪地街道", "吉华街道", "宝龙街道", "园山街道"],
  "440308": ["梅沙街道", "盐田街道", "沙头角街道", "海山街道"],
  "440309": ["观湖街道", "民治街道", "龙华街道", "大浪街道", "福城街道", "观澜街道"],
  "440310": ["坪山街道", "马峦街道", "碧岭街道", "石井街道", "坑梓街道", "龙田街道"],
  "440311": ["光明街道", "公明街道", "新湖街道", "凤凰街道", "玉塘街道", "马田街道"],
};

/** Real road names per district, for street addresses. */
export const ROADS: Readonly<Record<string, readonly string[]>> = {
  "440303": ["人民南路", "解放路", "东门中路", "宝安南路", "爱国路", "太宁路", "深南东路", "笋岗路", "布心路"],
  "440304": ["深南大道", "福华路", "益田路", "彩田路", "红荔路", "莲花路", "景田路", "香梅路", "新洲路", "华强北路"],
  "440305": ["南海大道", "科苑路", "南山大道", "学府路", "后海大道", "桃园路", "沙河西路", "工业八路", "留仙大道"],
  "440306": ["宝安大道", "新湖路", "创业一路", "建安一路", "西乡大道", "福永大道", "沙井路", "松白路"],
  "440307": ["龙岗大道", "龙翔大道", "布吉路", "坂雪岗大道", "深惠路", "吉华路", "爱联路"],
  "440308": ["沙盐路", "海山路", "深盐路", "梧桐路"],
  "440309": ["人民路", "民治大道", "梅龙路", "东环二路", "观澜大道", "大浪北路"],
  "440310": ["坪山大道", "深汕路", "东纵路", "金牛西路"],
  "440311": ["光明大道", "公明南环大道", "华夏路", "光侨路"],
};

/** 小区 (residential compound) name parts: prefix + suffix. */
export const COMPOUND_PREFIXES = [
  "景田", "金地", "万科", "华润", "碧海", "翠竹", "锦绣", "阳光", "龙城", "海滨", "桃源", "莲花",
  "星河", "天健", "中海", "招商", "鸿荣源", "幸福", "怡景", "半岛", "书香", "荔园", "东方", "松园",
] as const;
export const COMPOUND_SUFFIXES = ["花园", "家园", "小区", "雅苑", "名苑", "新村", "公寓", "华庭", "城", "山庄"] as const;

/** Addresses inside a migrant's home division (road names only; numbers are generated). */
export const ORIGIN_ROADS = ["人民路", "解放路", "建设路", "中山路", "五一路", "新华路", "胜利路", "和平路", "文化路", "东风路"] as const;

const ALL: DivisionRow[] = [
  ...PROVINCES,
  ...PREFECTURES,
  ...SHENZHEN_DISTRICTS,
  ...RETIRED_DIVISIONS,
  ...ORIGIN_DIVISIONS.map(({ weight: _w, ...d }) => d),
];

const byCode = new Map(ALL.map((d) => [d.code, d]));

function fullName(code: string): string {
  const parts: string[] = [];
  let d = byCode.get(code);
  while (d) {
    // 重庆市市辖区 is a statistical grouping, not part of a postal address.
    if (d.code !== "500100") parts.unshift(d.nameZh.replace("（县级）", ""));
    d = d.parentCode ? byCode.get(d.parentCode) : undefined;
  }
  return parts.join("");
}

export const DIVISIONS: readonly Division[] = ALL.map((d) => ({ ...d, fullNameZh: fullName(d.code) }));
const divisionByCode = new Map(DIVISIONS.map((d) => [d.code, d]));

export function divisionByCodeOrThrow(code: string): Division {
  const d = divisionByCode.get(code);
  if (!d) throw new RangeError(`unknown division code in seed: ${code}`);
  return d;
}

export async function seedDivisions(db: Executor): Promise<number> {
  await db
    .insert(divisions)
    .values(
      DIVISIONS.map((d) => ({
        code: d.code,
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        parentCode: d.parentCode,
        level: d.level,
        retiredOn: d.retiredOn,
      })),
    )
    .onConflictDoNothing();
  return DIVISIONS.length;
}
