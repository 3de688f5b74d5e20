/**
 * Chinese personal names for the seed. Surnames are weighted by their share of the
 * population (公安部 2020 household-register statistics, rounded); given names draw from
 * per-sex character pools whose fashion shifts with the birth year.
 */
import type { Random } from "./random";

/** [surname, percent of population]. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 7.25], ["李", 7.19], ["张", 6.83], ["刘", 5.38], ["陈", 4.53], ["杨", 3.08], ["黄", 2.23],
  ["赵", 2.29], ["吴", 2.05], ["周", 1.98], ["徐", 1.66], ["孙", 1.54], ["马", 1.48], ["朱", 1.34],
  ["胡", 1.31], ["郭", 1.15], ["何", 1.14], ["高", 1.07], ["林", 1.03], ["罗", 0.87], ["郑", 0.81],
  ["梁", 0.8], ["谢", 0.68], ["宋", 0.66], ["唐", 0.65], ["许", 0.63], ["韩", 0.62], ["冯", 0.61],
  ["邓", 0.6], ["曹", 0.58], ["彭", 0.55], ["曾", 0.53], ["肖", 0.52], ["田", 0.51], ["董", 0.51],
  ["袁", 0.48], ["潘", 0.46], ["于", 0.46], ["蒋", 0.45], ["蔡", 0.44], ["余", 0.43], ["杜", 0.42],
  ["叶", 0.41], ["程", 0.4], ["苏", 0.39], ["魏", 0.38], ["吕", 0.37], ["丁", 0.36], ["任", 0.35],
  ["沈", 0.34], ["姚", 0.33], ["卢", 0.32], ["姜", 0.31], ["崔", 0.3], ["钟", 0.29], ["谭", 0.28],
  ["陆", 0.27], ["汪", 0.26], ["范", 0.25], ["金", 0.24], ["石", 0.23], ["廖", 0.22], ["贾", 0.21],
  ["夏", 0.2], ["韦", 0.2], ["付", 0.19], ["方", 0.19], ["白", 0.18], ["邹", 0.18], ["孟", 0.17],
  ["熊", 0.17], ["秦", 0.16], ["邱", 0.16], ["江", 0.15], ["尹", 0.15], ["薛", 0.14], ["闫", 0.14],
  ["段", 0.13], ["雷", 0.13], ["侯", 0.12], ["龙", 0.12], ["史", 0.11], ["陶", 0.11], ["黎", 0.11],
  ["贺", 0.1], ["顾", 0.1], ["毛", 0.1], ["郝", 0.09], ["龚", 0.09], ["邵", 0.09], ["万", 0.08],
  ["钱", 0.08], ["严", 0.08], ["覃", 0.08], ["武", 0.07], ["戴", 0.07], ["莫", 0.07], ["孔", 0.07],
  ["向", 0.06], ["汤", 0.06], ["欧阳", 0.04], ["司马", 0.01], ["上官", 0.005], ["诸葛", 0.005],
];

const MALE_CLASSIC = [
  "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "斌", "鹏", "辉", "华", "建", "国", "志",
  "文", "平", "东", "刚", "健", "波", "海", "林", "飞", "龙", "阳", "成", "祥", "亮", "新", "兴",
  "德", "荣", "福", "贵", "忠", "春", "光", "红", "卫", "庆", "生", "金", "永", "家", "晓", "俊",
];
const MALE_MODERN = [
  "浩", "宇", "轩", "子", "昊", "然", "泽", "睿", "航", "凯", "毅", "博", "晨", "嘉", "铭", "锦",
  "诚", "宏", "哲", "恒", "思", "远", "逸", "霖", "帆", "梓", "皓", "煜", "辰", "宸", "奕", "一",
  "俊", "杰", "天", "佑", "沐", "阳", "晟", "瑞", "星", "川", "骏", "乐",
];
const FEMALE_CLASSIC = [
  "芳", "娜", "敏", "静", "丽", "秀", "英", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "琳", "颖",
  "慧", "梅", "兰", "红", "春", "丹", "玉", "凤", "莉", "萍", "华", "红", "桂", "珍", "晓", "小",
  "爱", "美", "淑", "云", "月", "青", "洁", "倩",
];
const FEMALE_MODERN = [
  "佳", "欣", "怡", "梦", "雨", "萱", "涵", "琪", "晴", "悦", "妍", "诗", "馨", "彤", "瑶", "婧",
  "璐", "蕾", "薇", "若", "汐", "梓", "子", "语", "可", "一", "诺", "安", "思", "嘉", "依", "沐",
  "芷", "晨", "桐", "欢", "心", "柔",
];

export type Sex = "male" | "female";

export function randomSurname(rng: Random): string {
  return rng.weighted(SURNAMES);
}

/** A 1- or 2-character given name in the fashion of the birth year. */
export function randomGivenName(rng: Random, sex: Sex, birthYear: number): string {
  // Share of "modern" characters rises from ~10% (1950s) to ~90% (2010s).
  const modernShare = Math.min(0.9, Math.max(0.1, (birthYear - 1955) / 60));
  const pool = (): readonly string[] => {
    const modern = rng.chance(modernShare);
    if (sex === "male") return modern ? MALE_MODERN : MALE_CLASSIC;
    return modern ? FEMALE_MODERN : FEMALE_CLASSIC;
  };
  // Single-character given names were common before 1990 and are rare now.
  const single = rng.chance(birthYear < 1990 ? 0.3 : 0.12);
  const first = rng.pick(pool());
  if (single) return first;
  let second = rng.pick(pool());
  for (let i = 0; i < 3 && second === first; i++) second = rng.pick(pool());
  return first + second;
}

export function randomName(rng: Random, sex: Sex, birthYear: number, surname?: string): string {
  return (surname ?? randomSurname(rng)) + randomGivenName(rng, sex, birthYear);
}

/** The surname part of a full name (compound surnames included). */
export function surnameOf(name: string): string {
  for (const [s] of SURNAMES) if (s.length === 2 && name.startsWith(s)) return s;
  return name.slice(0, 1);
}
