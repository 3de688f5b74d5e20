/**
 * The rest of a Shenzhen district centre's 事项清单: the items the eight departments of the demo
 * list beside the 24 services of full detail (catalogue-services-*.ts), so search, the
 * catalogue, recommendations and the designer meet a catalogue of real size. Each family is
 * one 事项 with its 办理项 (新办、变更、延续、注销、补办 …), as the provincial catalogue lists
 * them; limits follow the family's usual legal and promised days, materials come from the
 * library's licence types where one exists and are uploads otherwise. None has an eligibility
 * rule (anyone may apply) or a seeded history; a catalogue manager refines them in the designer.
 */
import type { DepartmentKey } from "./catalogue-organisation";
import type { LicenceTypeKey } from "./catalogue-licence-types";
import { APPLICANT_FIELDS, field, form, hint, lic, upload, type MaterialDef, type ServiceDef, type ServiceTheme } from "./catalogue-types";

type ActionKey = "new" | "change" | "renew" | "cancel" | "reissue" | "filing" | "claim" | "first" | "transfer" | "extend" | "confirm" | "check";

const ACTIONS: Record<ActionKey, { zh: string; en: string; /** Share of the family's limits. */ share: number }> = {
  new: { zh: "新办", en: "new", share: 1 },
  first: { zh: "首次申请", en: "first application", share: 1 },
  change: { zh: "变更", en: "change", share: 0.6 },
  renew: { zh: "延续", en: "renewal", share: 0.8 },
  extend: { zh: "延期", en: "extension", share: 0.6 },
  cancel: { zh: "注销", en: "cancellation", share: 0.4 },
  reissue: { zh: "补办", en: "replacement", share: 0.5 },
  filing: { zh: "备案", en: "filing", share: 0.5 },
  claim: { zh: "申领", en: "claim", share: 1 },
  transfer: { zh: "转移", en: "transfer", share: 0.8 },
  confirm: { zh: "资格确认", en: "eligibility confirmation", share: 1 },
  check: { zh: "年度核验", en: "annual check", share: 0.6 },
};

type Mat = LicenceTypeKey | [zh: string, en: string];

/** [key, department, theme, name zh, name en, actions, materials, legal days, promised days, keywords] */
type Family = [string, DepartmentKey, ServiceTheme, string, string, ActionKey[], Mat[], number, number, string];

const ID: Mat = "resident_id_card";
const HUKOU: Mat = "household_register";

const FAMILIES: Family[] = [
  // 公安
  ["hukou_move_out", "psb", "residence", "户口迁出", "Hukou transfer out", ["new", "change"], [ID, HUKOU, ["迁入地准予迁入证明", "Proof the destination accepts the transfer"]], 20, 5, "户口 迁出 迁户口 户籍"],
  ["hukou_graduate", "psb", "residence", "高校毕业生落户", "Hukou for university graduates", ["new", "change"], [ID, ["毕业证书", "Graduation certificate"], ["报到证或就业协议", "Registration or employment agreement"]], 20, 5, "落户 毕业生 入户 人才"],
  ["hukou_talent", "psb", "residence", "人才引进落户", "Hukou for recruited talent", ["new", "change", "cancel"], [ID, HUKOU, ["学历或职称证明", "Degree or title certificate"]], 20, 10, "人才 引进 落户 入户"],
  ["hukou_relative", "psb", "residence", "投靠亲属落户", "Hukou by joining relatives", ["new", "change"], [ID, HUKOU, "marriage_certificate"], 20, 10, "投靠 夫妻 父母 子女 落户"],
  ["id_card_first", "psb", "residence", "居民身份证首次申领", "First resident ID card", ["first"], [HUKOU, ["近期免冠照片", "Recent photo"]], 60, 20, "身份证 首次 办身份证"],
  ["id_card_lost", "psb", "residence", "居民身份证挂失补领", "Replacement ID card after loss", ["reissue", "confirm"], [HUKOU, ["挂失声明", "Loss declaration"]], 60, 20, "身份证 丢失 补办 挂失"],
  ["temp_id_card", "psb", "residence", "临时居民身份证", "Temporary resident ID card", ["claim", "reissue"], [HUKOU], 3, 1, "临时身份证 急用"],
  ["hk_macau_permit", "psb", "residence", "往来港澳通行证", "Exit-entry permit to Hong Kong and Macao", ["first", "renew", "reissue", "change"], [ID, ["证件照片", "Photo"]], 10, 7, "港澳通行证 签注 出入境 香港 澳门"],
  ["hk_macau_endorsement", "psb", "residence", "港澳旅游签注", "Hong Kong and Macao travel endorsement", ["new", "extend"], [ID, ["往来港澳通行证", "Exit-entry permit"]], 7, 1, "签注 港澳 旅游"],
  ["passport", "psb", "residence", "普通护照", "Ordinary passport", ["first", "renew", "reissue", "change"], [ID, ["证件照片", "Photo"]], 15, 7, "护照 出国 换发"],
  ["taiwan_permit", "psb", "residence", "往来台湾通行证", "Travel permit to Taiwan", ["first", "renew", "reissue"], [ID, ["证件照片", "Photo"]], 15, 7, "台湾 通行证"],
  ["no_criminal_record", "psb", "employment", "无犯罪记录证明", "Certificate of no criminal record", ["claim"], [ID, ["用途说明", "Statement of purpose"]], 3, 1, "无犯罪 证明 政审 签证"],
  ["name_change", "psb", "residence", "变更姓名", "Change of name", ["change", "confirm"], [ID, HUKOU, ["变更理由说明", "Reason for the change"]], 20, 10, "改名 更名 姓名变更"],
  ["birth_date_correction", "psb", "residence", "更正出生日期", "Correction of date of birth", ["change"], [ID, HUKOU, "birth_medical_certificate"], 30, 15, "出生日期 更正 年龄"],
  ["ethnicity_change", "psb", "residence", "变更民族成份", "Change of ethnicity", ["change"], [ID, HUKOU, ["父母民族证明", "Parents' ethnicity"]], 30, 20, "民族 更改"],
  ["residence_permit_sign", "psb", "residence", "居住证签注", "Residence permit endorsement", ["renew", "reissue", "change"], [ID, "residence_permit", "rental_registration"], 15, 5, "居住证 签注 续期"],
  ["rental_housing_filing", "psb", "housing", "出租屋治安备案", "Rental property security filing", ["filing", "change", "cancel"], [ID, "property_certificate"], 5, 2, "出租屋 房东 治安 备案"],
  // 民政
  ["divorce_registration", "civil", "marriage", "离婚登记", "Divorce registration", ["new", "confirm"], [ID, HUKOU, "marriage_certificate", ["离婚协议书", "Divorce agreement"]], 30, 30, "离婚 协议离婚 冷静期"],
  ["marriage_certificate_reissue", "civil", "marriage", "补领结婚证", "Replacement marriage certificate", ["reissue"], [ID, HUKOU, ["近期合影", "Recent joint photo"]], 5, 1, "结婚证 补领 丢失"],
  ["divorce_certificate_reissue", "civil", "marriage", "补领离婚证", "Replacement divorce certificate", ["reissue"], [ID, HUKOU], 5, 1, "离婚证 补领"],
  ["adoption", "civil", "birth", "收养登记", "Adoption registration", ["new", "cancel"], [ID, HUKOU, ["收养能力证明", "Proof of capacity to adopt"], ["被收养人出生证明", "Adoptee's birth certificate"]], 30, 20, "收养 领养"],
  ["special_hardship", "civil", "social_security", "特困人员救助供养", "Support for people in extreme hardship", ["new", "change", "cancel"], [ID, HUKOU, ["家庭收入和财产申报", "Income and assets declaration"]], 30, 20, "特困 五保 救助 供养"],
  ["temporary_assistance", "civil", "social_security", "临时救助", "Temporary assistance", ["claim"], [ID, HUKOU, ["困难情况说明", "Statement of hardship"]], 15, 7, "临时救助 困难 急难"],
  ["low_income_family", "civil", "social_security", "低收入家庭认定", "Low-income household recognition", ["confirm", "check", "cancel"], [ID, HUKOU, ["家庭收入和财产申报", "Income and assets declaration"]], 30, 20, "低收入 低边 认定"],
  ["disability_subsidy", "civil", "social_security", "残疾人两项补贴", "Two subsidies for persons with disabilities", ["claim", "change", "cancel"], [ID, HUKOU, ["残疾人证", "Disability certificate"]], 20, 10, "残疾人 补贴 生活补贴 护理补贴"],
  ["elderly_care_subsidy", "civil", "elderly", "居家养老服务补贴", "Home-care subsidy for the elderly", ["claim", "change", "cancel"], [ID, HUKOU, "elderly_card"], 20, 10, "养老 居家 补贴 老年人"],
  ["elderly_institution", "civil", "elderly", "养老机构备案", "Care home filing", ["filing", "change", "cancel"], [ID, ["机构场所证明", "Premises proof"], ["消防安全证明", "Fire safety proof"]], 20, 10, "养老院 机构 备案"],
  ["social_organisation", "civil", "business", "社会团体登记", "Registration of a social organisation", ["new", "change", "cancel", "check"], [ID, ["章程", "Articles"], ["业务主管单位批准文件", "Sponsor's approval"]], 60, 30, "社团 协会 学会 登记"],
  ["private_nonprofit", "civil", "business", "民办非企业单位登记", "Registration of a private non-enterprise unit", ["new", "change", "cancel", "check"], [ID, ["章程", "Articles"], ["场所使用证明", "Premises proof"]], 60, 30, "民非 社会服务机构 登记"],
  ["funeral_subsidy", "civil", "social_security", "基本殡葬服务费用减免", "Waiver of basic funeral fees", ["claim"], [ID, HUKOU, ["死亡医学证明", "Medical certificate of death"]], 10, 3, "殡葬 丧葬 火化 减免"],
  ["address_naming", "civil", "housing", "地名命名更名", "Naming and renaming of places", ["new", "change"], [ID, ["命名申请说明", "Naming proposal"]], 40, 20, "地名 门牌 命名"],
  // 教育
  ["school_transfer", "edu", "education", "义务教育学校转学", "Transfer between compulsory-education schools", ["new"], [ID, HUKOU, "school_admission_notice"], 15, 7, "转学 学籍 插班"],
  ["kindergarten_enrolment", "edu", "education", "幼儿园入园登记", "Kindergarten registration", ["new", "change"], [ID, HUKOU, "vaccination_certificate"], 20, 10, "幼儿园 入园 学前"],
  ["teacher_qualification", "edu", "education", "教师资格认定", "Teacher qualification", ["first", "reissue", "change"], [ID, ["学历证书", "Degree certificate"], ["普通话水平测试等级证书", "Mandarin test certificate"], ["体检合格证明", "Health check"]], 60, 30, "教师资格证 认定 教资"],
  ["private_school", "edu", "education", "民办学校办学许可", "Private school licence", ["new", "change", "renew", "cancel"], [ID, ["办学章程", "Charter"], ["校舍证明", "Premises proof"]], 90, 60, "民办学校 办学许可"],
  ["training_institution", "edu", "education", "校外培训机构审批", "Approval of an out-of-school training provider", ["new", "change", "cancel"], [ID, ["场所证明", "Premises proof"], ["师资名册", "Staff list"]], 60, 30, "培训机构 校外培训"],
  ["student_aid", "edu", "education", "学生资助", "Student financial aid", ["claim", "change"], [ID, HUKOU, ["家庭经济困难证明", "Proof of family hardship"]], 30, 15, "助学金 资助 贫困生"],
  ["academic_record_proof", "edu", "education", "学历学籍证明", "Proof of academic record", ["claim", "reissue"], [ID, ["毕业学校名称", "School attended"]], 10, 5, "学籍 证明 毕业证明"],
  ["school_place_non_hukou", "edu", "education", "非深户籍适龄儿童积分入学申请", "Points-based school place for non-hukou children", ["new", "change"], [ID, "residence_permit", "social_insurance_record", "rental_registration"], 30, 20, "积分入学 非深户 学位"],
  // 卫生健康
  ["birth_certificate_reissue", "health", "birth", "出生医学证明补发换发", "Reissue of the birth certificate", ["reissue", "change"], [ID, "birth_medical_certificate"], 30, 10, "出生证 补发 换发"],
  ["physician_registration", "health", "employment", "医师执业注册", "Physician practice registration", ["first", "change", "cancel", "renew"], [ID, ["医师资格证书", "Physician qualification"], ["体检证明", "Health check"]], 20, 10, "医师 执业 注册 多点执业"],
  ["nurse_registration", "health", "employment", "护士执业注册", "Nurse practice registration", ["first", "renew", "change", "cancel"], [ID, ["护士资格证书", "Nurse qualification"]], 20, 10, "护士 执业 注册"],
  ["clinic_licence", "health", "business", "医疗机构执业登记", "Medical institution practice registration", ["new", "change", "check", "cancel"], [ID, ["设置批准书", "Establishment approval"], ["场所证明", "Premises proof"]], 45, 30, "诊所 医疗机构 执业许可"],
  ["public_place_hygiene", "health", "business", "公共场所卫生许可", "Public place hygiene licence", ["new", "renew", "change", "cancel"], [ID, "individual_business_licence", ["卫生检测报告", "Hygiene test report"]], 20, 10, "卫生许可证 美容 理发 宾馆 游泳"],
  ["drinking_water_hygiene", "health", "business", "供水单位卫生许可", "Water supplier hygiene licence", ["new", "renew", "change"], [ID, "individual_business_licence", ["水质检测报告", "Water test report"]], 20, 15, "供水 二次供水 卫生许可"],
  ["family_planning_reward", "health", "birth", "计划生育家庭奖励扶助", "Family planning household support", ["claim", "confirm"], [ID, HUKOU, ["独生子女证明", "Only-child proof"]], 30, 20, "计划生育 奖励 扶助 独生子女"],
  ["maternal_health_card", "health", "birth", "母子健康手册建册", "Mother and child health booklet", ["new", "reissue"], [ID, "marriage_certificate"], 5, 1, "母子健康手册 孕检 建册"],
  ["occupational_health", "health", "employment", "职业健康检查机构备案", "Occupational health check provider filing", ["filing", "change"], [ID, ["机构资质证明", "Qualification proof"]], 20, 10, "职业健康 体检 备案"],
  // 人力资源和社会保障
  ["pension_claim", "hrss", "social_security", "基本养老保险待遇申领", "Basic pension claim", ["claim", "change"], [ID, HUKOU, "social_insurance_record", "social_security_card"], 20, 10, "退休 养老金 养老保险 待遇"],
  ["pension_transfer", "hrss", "social_security", "养老保险关系转移接续", "Transfer of pension insurance", ["transfer"], [ID, "social_insurance_record", ["参保缴费凭证", "Contribution record from the other city"]], 45, 15, "转移 接续 社保转移 养老"],
  ["insurance_registration", "hrss", "social_security", "个人社会保险参保登记", "Personal social insurance registration", ["new", "change", "cancel"], [ID, HUKOU], 5, 1, "社保 参保 登记 灵活就业"],
  ["work_injury", "hrss", "social_security", "工伤认定", "Work injury recognition", ["new", "confirm"], [ID, ["劳动关系证明", "Proof of employment"], ["医疗诊断证明", "Medical diagnosis"]], 60, 45, "工伤 认定 职业病"],
  ["work_injury_benefit", "hrss", "social_security", "工伤保险待遇申领", "Work injury benefit claim", ["claim", "change"], [ID, "social_security_card", ["工伤认定决定书", "Work injury decision"]], 20, 10, "工伤 待遇 赔偿"],
  ["startup_subsidy", "hrss", "employment", "一次性创业资助", "One-off start-up grant", ["claim"], [ID, "individual_business_licence", "social_insurance_record"], 30, 20, "创业 资助 补贴 自主创业"],
  ["startup_rent_subsidy", "hrss", "employment", "创业租金补贴", "Start-up rent subsidy", ["claim", "change"], [ID, "individual_business_licence", "rental_registration"], 30, 20, "创业 租金 补贴"],
  ["skills_subsidy", "hrss", "employment", "职业技能提升补贴", "Skills upgrading subsidy", ["claim"], [ID, "social_insurance_record", ["职业资格或技能等级证书", "Skill certificate"]], 30, 15, "技能 补贴 证书 培训"],
  ["skill_assessment", "hrss", "employment", "职业技能等级认定", "Vocational skill level assessment", ["new", "reissue"], [ID, ["培训合格证明", "Training certificate"]], 30, 20, "技能 鉴定 等级 考证"],
  ["talent_introduction", "hrss", "employment", "人才引进", "Talent recruitment", ["new", "change", "cancel"], [ID, ["学历学位证书", "Degree certificates"], ["劳动合同", "Employment contract"]], 30, 15, "人才 引进 调干"],
  ["labour_arbitration", "hrss", "employment", "劳动人事争议仲裁申请", "Labour dispute arbitration", ["new"], [ID, ["仲裁申请书", "Arbitration application"], ["劳动关系证明", "Proof of employment"]], 45, 45, "劳动仲裁 欠薪 争议"],
  ["employment_subsidy", "hrss", "employment", "就业困难人员社保补贴", "Insurance subsidy for hard-to-employ people", ["claim", "confirm"], [ID, "unemployment_certificate", "social_insurance_record"], 30, 15, "就业困难 社保补贴 援助"],
  ["graduate_subsidy", "hrss", "employment", "高校毕业生就业补贴", "Employment subsidy for graduates", ["claim"], [ID, ["毕业证书", "Graduation certificate"], "social_insurance_record"], 30, 15, "毕业生 补贴 就业 见习"],
  ["title_evaluation", "hrss", "employment", "专业技术资格评审", "Professional title evaluation", ["new", "confirm"], [ID, ["学历证书", "Degree"], ["业绩材料", "Achievements"]], 90, 60, "职称 评审 中级 高级"],
  ["foreign_work_permit", "hrss", "employment", "外国人来华工作许可", "Work permit for foreigners", ["new", "renew", "change", "cancel"], [["护照", "Passport"], ["工作资历证明", "Work experience"], ["无犯罪记录证明", "No criminal record"]], 20, 10, "外国人 工作许可 外籍"],
  ["social_security_card_reissue", "hrss", "social_security", "社会保障卡补换", "Replacement social security card", ["reissue", "change"], [ID, "social_security_card"], 10, 5, "社保卡 补卡 换卡 挂失"],
  // 住房和建设
  ["public_rental_renewal", "housing", "housing", "公共租赁住房续租", "Public rental housing lease renewal", ["renew", "change", "cancel"], [ID, HUKOU, "public_rental_qualification"], 30, 20, "公租房 续租 退租"],
  ["affordable_housing", "housing", "housing", "保障性住房轮候", "Affordable housing waiting list", ["new", "change", "cancel"], [ID, HUKOU, "social_insurance_record", ["家庭成员及住房情况申报", "Household and housing declaration"]], 30, 20, "保障房 安居房 轮候 共有产权"],
  ["housing_provident_withdrawal", "housing", "housing", "住房公积金提取", "Housing provident fund withdrawal", ["claim"], [ID, "property_certificate", ["购房合同或租赁凭证", "Purchase or rental contract"]], 5, 3, "公积金 提取 租房提取 购房提取"],
  ["housing_provident_loan", "housing", "housing", "住房公积金贷款", "Housing provident fund loan", ["new", "change"], [ID, HUKOU, "marriage_certificate", ["购房合同", "Purchase contract"]], 20, 15, "公积金贷款 房贷"],
  ["rental_contract_filing", "housing", "housing", "房屋租赁合同备案", "Rental contract filing", ["filing", "change", "cancel"], [ID, "property_certificate", ["租赁合同", "Lease"]], 5, 1, "租赁备案 租房合同"],
  ["property_presale", "housing", "housing", "商品房预售许可", "Pre-sale licence for commercial housing", ["new", "change"], [["营业执照", "Business licence"], ["建设工程规划许可证", "Planning permit"]], 20, 10, "预售证 商品房 楼盘"],
  ["construction_permit", "housing", "business", "建筑工程施工许可", "Construction permit", ["new", "change", "extend"], [["营业执照", "Business licence"], ["施工图审查合格书", "Design review"]], 15, 7, "施工许可证 建筑 工程"],
  ["property_management_filing", "housing", "housing", "物业服务合同备案", "Property management contract filing", ["filing", "change"], [["营业执照", "Business licence"], ["物业服务合同", "Service contract"]], 10, 5, "物业 备案 小区"],
  ["elevator_renovation", "housing", "housing", "既有住宅加装电梯", "Lift retrofitting in existing homes", ["new", "confirm"], [ID, "property_certificate", ["业主表决结果", "Owners' vote"]], 30, 20, "加装电梯 旧楼 改造"],
  ["housing_talent_rent", "housing", "housing", "人才租房补贴", "Rent subsidy for talent", ["claim", "change"], [ID, ["学历证书", "Degree certificate"], "social_insurance_record", "rental_registration"], 30, 20, "人才 租房补贴 住房补贴"],
  // 市场监管
  ["food_business_licence", "samr", "business", "食品经营许可", "Food business licence", ["new", "change", "renew", "cancel", "reissue"], [ID, "individual_business_licence", ["经营场所平面图", "Floor plan"], ["食品安全管理制度", "Food safety rules"]], 20, 10, "食品经营许可证 餐饮 小吃 奶茶"],
  ["food_production_licence", "samr", "business", "食品生产许可", "Food production licence", ["new", "change", "renew", "cancel"], [ID, ["营业执照", "Business licence"], ["生产场所布局图", "Production layout"]], 20, 10, "食品生产 SC 许可"],
  ["small_food_workshop", "samr", "business", "食品小作坊登记", "Small food workshop registration", ["new", "change", "cancel"], [ID, "individual_business_licence"], 15, 7, "小作坊 食品 登记"],
  ["company_registration", "samr", "business", "企业设立登记", "Company registration", ["new", "change", "cancel"], [ID, ["公司章程", "Articles"], ["住所使用证明", "Address proof"]], 15, 1, "开公司 注册公司 营业执照 企业登记"],
  ["individual_business_change", "samr", "business", "个体工商户变更与注销", "Change or cancellation of a sole trader", ["change", "cancel", "reissue"], [ID, "individual_business_licence"], 15, 1, "个体户 变更 注销 营业执照"],
  ["farmer_cooperative", "samr", "business", "农民专业合作社登记", "Farmers' cooperative registration", ["new", "change", "cancel"], [ID, ["成员名册", "Member list"], ["章程", "Articles"]], 15, 3, "合作社 农民"],
  ["drug_retail", "samr", "business", "药品零售企业许可", "Pharmacy licence", ["new", "change", "renew", "cancel"], [ID, ["营业执照", "Business licence"], ["执业药师注册证", "Pharmacist registration"]], 30, 15, "药店 药品零售 许可"],
  ["medical_device_filing", "samr", "business", "第二类医疗器械经营备案", "Class II medical device trade filing", ["filing", "change", "cancel"], [ID, ["营业执照", "Business licence"], ["经营场所证明", "Premises proof"]], 5, 1, "医疗器械 备案 二类"],
  ["special_equipment", "samr", "business", "特种设备使用登记", "Special equipment registration", ["new", "change", "cancel"], [["营业执照", "Business licence"], ["设备监督检验证书", "Inspection certificate"]], 15, 5, "特种设备 电梯 锅炉 使用登记"],
  ["measuring_instrument", "samr", "business", "计量器具强制检定", "Mandatory verification of measuring instruments", ["new", "check"], [["营业执照", "Business licence"], ["计量器具清单", "Instrument list"]], 20, 10, "计量 检定 电子秤"],
  ["trademark_pledge", "samr", "business", "商标专用权质押登记", "Trademark pledge registration", ["new", "change", "cancel"], [ID, ["商标注册证", "Trademark certificate"], ["质押合同", "Pledge contract"]], 10, 5, "商标 质押 融资"],
  ["advertising_review", "samr", "business", "药品医疗器械广告审查", "Review of drug and device advertising", ["new", "change", "cancel"], [["营业执照", "Business licence"], ["广告样稿", "Draft advertisement"]], 10, 5, "广告 审查 药品广告"],
  ["industrial_product_licence", "samr", "business", "重要工业产品生产许可", "Production licence for key industrial products", ["new", "change", "renew", "cancel"], [["营业执照", "Business licence"], ["产品检验报告", "Test report"]], 60, 30, "工业产品 生产许可证"],
  // 医疗保障
  ["medical_insurance_registration", "medins", "social_security", "城乡居民基本医疗保险参保登记", "Resident medical insurance registration", ["new", "change", "cancel"], [ID, HUKOU], 5, 1, "医保 参保 居民医保 少儿医保"],
  ["out_of_town_medical", "medins", "social_security", "异地就医备案", "Filing for medical treatment elsewhere", ["filing", "change", "cancel"], [ID, "medical_insurance_record"], 5, 1, "异地就医 备案 跨省"],
  ["medical_reimbursement", "medins", "social_security", "医疗费用零星报销", "Reimbursement of medical expenses", ["claim"], [ID, "social_security_card", ["医疗费用票据", "Medical receipts"], ["费用明细清单", "Itemised bill"]], 30, 20, "报销 医疗费 垫付 零星报销"],
  ["chronic_disease", "medins", "social_security", "门诊特殊病种资格认定", "Recognition of special outpatient conditions", ["confirm", "change", "cancel"], [ID, "medical_insurance_record", ["诊断证明", "Diagnosis"]], 15, 10, "门特 慢性病 特殊病种 门诊"],
  ["maternity_medical_costs", "medins", "birth", "生育医疗费用报销", "Reimbursement of maternity medical costs", ["claim"], [ID, "medical_insurance_record", "birth_medical_certificate", ["医疗费用票据", "Medical receipts"]], 30, 15, "生育 报销 产检"],
  ["medical_insurance_transfer", "medins", "social_security", "基本医疗保险关系转移接续", "Transfer of medical insurance", ["transfer"], [ID, "medical_insurance_record", ["参保凭证", "Insurance record from the other city"]], 45, 15, "医保 转移 接续"],
  ["designated_pharmacy", "medins", "business", "定点零售药店申请", "Designation as a medical insurance pharmacy", ["new", "change", "cancel"], [["营业执照", "Business licence"], ["药品经营许可证", "Pharmacy licence"]], 60, 45, "定点药店 医保定点"],
  ["medical_assistance", "medins", "social_security", "医疗救助", "Medical assistance", ["claim"], [ID, HUKOU, ["医疗费用票据", "Medical receipts"], ["困难身份证明", "Proof of hardship"]], 30, 15, "医疗救助 大病 困难"],
  // More of the list the eight departments publish: the items residents ask for most after the above.
  ["hukou_proof", "psb", "residence", "户籍证明开具", "Certificate of household registration", ["claim"], [ID, HUKOU], 3, 1, "户籍证明 户口证明 开证明"],
  ["kinship_proof", "psb", "residence", "亲属关系证明", "Certificate of kinship", ["claim"], [ID, HUKOU], 5, 2, "亲属关系 证明 公证"],
  ["hukou_split", "psb", "residence", "分户登记", "Splitting a household register", ["new"], [ID, HUKOU, "property_certificate"], 20, 10, "分户 立户 户口本"],
  ["collective_hukou", "psb", "residence", "集体户口管理", "Collective household registration", ["new", "transfer", "cancel"], [ID, HUKOU, ["单位同意接收证明", "Employer's acceptance"]], 20, 10, "集体户 人才市场 落户"],
  ["guardian_designation", "civil", "birth", "监护人指定备案", "Filing of a designated guardian", ["filing", "change"], [ID, HUKOU, ["指定监护文书", "Guardianship designation"]], 20, 10, "监护 未成年人 指定监护"],
  ["left_behind_children", "civil", "birth", "困境儿童分类保障", "Support for children in difficulty", ["claim", "change", "cancel"], [ID, HUKOU, ["困境情况证明", "Proof of circumstances"]], 30, 15, "困境儿童 孤儿 基本生活费"],
  ["veteran_preferential", "civil", "social_security", "重点优抚对象抚恤补助", "Allowances for veterans and their families", ["claim", "change"], [ID, HUKOU, ["优待证", "Preferential treatment card"]], 30, 15, "退役军人 优抚 抚恤 补助"],
  ["elderly_meal_subsidy", "civil", "elderly", "长者饭堂助餐补贴", "Meal subsidy for seniors", ["claim", "cancel"], [ID, "elderly_card"], 10, 5, "长者饭堂 助餐 老年人 吃饭"],
  ["elderly_assessment", "civil", "elderly", "老年人能力评估", "Assessment of an older person's abilities", ["new", "check"], [ID, "elderly_card", ["体检报告", "Health check report"]], 20, 10, "能力评估 失能 长者 护理"],
  ["elderly_home_adaptation", "civil", "elderly", "老年人居家适老化改造", "Home adaptation for older people", ["new"], [ID, "elderly_card", "property_certificate"], 30, 20, "适老化 改造 扶手 老年人"],
  ["vaccination_records_query", "health", "birth", "预防接种记录查询与证明", "Vaccination record certificate", ["claim", "reissue"], [ID, "vaccination_certificate"], 5, 2, "接种记录 疫苗 证明 入学查验"],
  ["health_certificate", "health", "employment", "从业人员健康证明", "Health certificate for food and service workers", ["claim", "renew"], [ID, ["体检报告", "Health check report"]], 7, 3, "健康证 体检 餐饮 从业"],
  ["medical_appraisal", "health", "social_security", "医疗事故技术鉴定", "Technical appraisal of a medical accident", ["new"], [ID, ["病历资料", "Medical records"], ["鉴定申请书", "Appraisal request"]], 60, 45, "医疗事故 鉴定 医患"],
  ["unemployment_insurance_transfer", "hrss", "social_security", "失业保险关系转移", "Transfer of unemployment insurance", ["transfer"], [ID, "unemployment_certificate", "social_insurance_record"], 15, 5, "失业保险 转移 跨市"],
  ["flexible_employment_insurance", "hrss", "social_security", "灵活就业人员参保登记", "Insurance registration for the self-employed", ["new", "change", "cancel"], [ID, HUKOU], 5, 1, "灵活就业 自由职业 个人参保"],
  ["retirement_approval", "hrss", "social_security", "退休审批", "Retirement approval", ["new", "confirm"], [ID, "social_insurance_record", ["人事档案", "Personnel file"]], 20, 10, "退休 办退休 养老金"],
  ["funeral_grant", "hrss", "social_security", "丧葬补助金和抚恤金申领", "Funeral grant and survivor's pension", ["claim"], [ID, "social_insurance_record", ["死亡证明", "Death certificate"]], 20, 10, "丧葬费 抚恤金 去世 死亡"],
  ["employment_service_card", "hrss", "employment", "就业创业证申领", "Employment and entrepreneurship card", ["claim", "reissue", "change"], [ID, HUKOU], 5, 1, "就业创业证 失业证 就业失业登记证"],
  ["housing_provident_account", "housing", "housing", "住房公积金个人账户设立与转移", "Housing provident fund account", ["new", "transfer", "cancel"], [ID, "social_insurance_record"], 5, 1, "公积金 开户 转移 封存"],
  ["property_registration_first", "housing", "housing", "不动产首次登记", "First real estate registration", ["new", "change", "reissue"], [ID, HUKOU, ["购房合同", "Purchase contract"], ["完税证明", "Tax receipt"]], 30, 5, "房产证 不动产 登记 新房"],
  ["property_transfer", "housing", "housing", "二手房转移登记", "Registration of a second-hand home transfer", ["transfer"], [ID, "property_certificate", "marriage_certificate", ["买卖合同", "Sale contract"]], 30, 5, "过户 二手房 转移登记"],
  ["mortgage_registration", "housing", "housing", "不动产抵押登记", "Mortgage registration", ["new", "change", "cancel"], [ID, "property_certificate", ["借款抵押合同", "Loan and mortgage contract"]], 15, 3, "抵押 贷款 解押"],
  ["sole_trader_annual_report", "samr", "business", "个体工商户年度报告", "Sole trader annual report", ["check", "change"], [ID, "individual_business_licence"], 10, 1, "年报 个体户 年度报告"],
  ["consumer_complaint", "samr", "business", "消费投诉举报受理", "Consumer complaints", ["new"], [ID, ["购物凭证", "Receipt"], ["投诉情况说明", "Statement of the complaint"]], 7, 3, "投诉 消费者 举报 12315"],
  ["medical_insurance_card_activation", "medins", "social_security", "医保电子凭证激活与家庭共济", "Medical insurance e-voucher and family pooling", ["new", "change", "cancel"], [ID, "medical_insurance_record", HUKOU], 3, 1, "医保电子凭证 家庭共济 医保账户 亲属"],
  ["long_term_care_insurance", "medins", "elderly", "长期护理保险待遇申请", "Long-term care insurance benefit", ["claim", "check", "cancel"], [ID, "medical_insurance_record", ["失能评估报告", "Disability assessment"]], 30, 15, "长护险 护理 失能 长期护理"],
  ["student_medical_insurance", "medins", "education", "学生少儿医疗保险参保", "Medical insurance for students and children", ["new", "renew"], [ID, HUKOU, "school_admission_notice"], 5, 1, "学生医保 少儿医保 在校生"],
];

function materialOf(m: Mat): MaterialDef {
  return typeof m === "string" ? lic(m) : upload(m[0], m[1]);
}

const REASON = field("reason", "textarea", "申请事项说明", "What you are applying for", { required: false });

/** Every 办理项 of every family: one service each. */
export const DISTRICT_SERVICES: ServiceDef[] = FAMILIES.flatMap(([key, department, theme, nameZh, nameEn, actions, mats, legal, promised, keywords]) =>
  actions.map((action): ServiceDef => {
    const a = ACTIONS[action];
    const legalDays = Math.max(1, Math.round(legal * a.share));
    const promisedDays = Math.min(legalDays, Math.max(1, Math.round(promised * a.share)));
    const one = actions.length === 1;
    const name = one ? nameZh : `${nameZh}（${a.zh}）`;
    return {
      code: `${key}_${action}`,
      nameZh: name,
      nameEn: one ? nameEn : `${nameEn} (${a.en})`,
      department,
      theme,
      descriptionZh: `${name}：申请人在线提交申请，证照库已有的证照自动调取，无需重复提交；部门在承诺时限内办结，结果通过短信告知。`,
      descriptionEn: `${one ? nameEn : `${nameEn} (${a.en})`}: apply online; certificates the library holds are pulled automatically; the department decides within the promised time and tells you by text message.`,
      whoMayApplyZh: "符合本事项法定条件的申请人（具体条件见办事指南和申请材料要求）。",
      whoMayApplyEn: "Applicants who meet the statutory conditions of this service (see the guide and the required materials).",
      keywords: `${keywords} ${a.zh}`,
      legalLimitDays: legalDays,
      promisedLimitDays: promisedDays,
      onTheSpot: false,
      requiresVisit: false,
      feeYuan: 0,
      formFields: [...APPLICANT_FIELDS, REASON],
      approvalHints: [
        hint("核对申请人身份与证照库调取的证照信息一致、在有效期内", "Check the applicant's identity against the library certificates and that they are valid"),
        hint("核对上传材料齐全、内容与申请事项相符", "Check the uploads are complete and match the application"),
        ...(action === "cancel" ? [hint("确认无未办结的关联事项后再注销", "Cancel only when no related matter is still open")] : []),
      ],
      issues: null,
      eligibilityRule: null,
      materials: [form("申请表", "Application form"), ...(action === "cancel" ? mats.slice(0, 1) : mats).map(materialOf)],
    };
  }),
);
