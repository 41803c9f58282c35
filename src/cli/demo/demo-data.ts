import type { ApplicantType } from '../../core/applications/application.ts';
import type { Channel } from '../../core/deadlines/deadline-input.ts';
import type { AgencyKind } from '../../core/organisation/agency.ts';
import type { RegionLevel } from '../../core/organisation/region.ts';
import type { Role } from '../../core/organisation/role.ts';

/**
 * The demo: a region of Ningxia with three agencies, a user per role, and a year of applications.
 * Every person in it is invented; names, numbers and addresses are made up.
 */

export const DEMO_PASSWORD = 'gongkai-demo';

export const DEMO_REGIONS: ReadonlyArray<{
  key: string;
  code: string;
  name: string;
  level: RegionLevel;
  parent: string | null;
}> = [
  { key: 'nx', code: '640000', name: '宁夏回族自治区', level: 'province', parent: null },
  { key: 'zw', code: '640500', name: '中卫市', level: 'city', parent: 'nx' },
  { key: 'spt', code: '640502', name: '沙坡头区', level: 'county', parent: 'zw' },
];

export interface DemoAgency {
  key: string;
  region: string;
  name: string;
  kind: AgencyKind;
  /** Applications in the demo year. */
  applications: number;
  /** What people ask this agency for (art. 29 (2)). */
  requests: readonly string[];
}

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    key: 'data',
    region: 'zw',
    name: '中卫市数据局',
    kind: 'department',
    applications: 36,
    requests: [
      '中卫市数据中心集群建设项目的立项批复文件',
      '西部云基地某数据中心项目的能耗评估审查意见',
      '本年度政务云平台采购项目的招标文件及中标结果',
      '“一网通办”平台建设项目的验收报告',
      '数据中心用电价格优惠政策的执行情况',
      '本局机构设置、内设科室职能及负责人姓名',
      '公共数据开放目录及更新情况',
      '算力产业发展专项资金的分配方案',
    ],
  },
  {
    key: 'industry',
    region: 'zw',
    name: '中卫市工业和信息化局',
    kind: 'department',
    applications: 24,
    requests: [
      '某化工企业技术改造项目的备案文件',
      '中卫工业园区企业名单及主要产品',
      '本年度中小企业发展专项资金的拨付情况',
      '某企业节能监察的处理决定书',
      '工业园区污水处理设施的建设与运行情况',
      '新材料产业发展规划全文',
    ],
  },
  {
    key: 'spt-office',
    region: 'spt',
    name: '沙坡头区人民政府办公室',
    kind: 'government',
    applications: 18,
    requests: [
      '某村集体土地征收的批准文件及补偿安置方案',
      '本区老旧小区改造项目清单及资金来源',
      '区政府常务会议关于农村人居环境整治的会议纪要',
      '某路段拆迁补偿标准及依据',
      '本区城乡低保资金的发放情况',
    ],
  },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  agency?: string;
  region?: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'shuju.jingban', displayName: '马晓燕', role: 'officer', agency: 'data' },
  { username: 'shuju.shenhe', displayName: '杨建国', role: 'reviewer', agency: 'data' },
  { username: 'shuju.lingdao', displayName: '周宏伟', role: 'reviewer', agency: 'data' },
  { username: 'gongxin.jingban', displayName: '李文静', role: 'officer', agency: 'industry' },
  { username: 'gongxin.shenhe', displayName: '丁志远', role: 'reviewer', agency: 'industry' },
  { username: 'shapotou.jingban', displayName: '王海涛', role: 'officer', agency: 'spt-office' },
  { username: 'zhongwei.zhuguan', displayName: '张丽萍', role: 'supervisor', region: 'zw' },
  { username: 'ningxia.zhuguan', displayName: '田志刚', role: 'supervisor', region: 'nx' },
];

export const SURNAMES = [
  '马',
  '王',
  '李',
  '张',
  '刘',
  '杨',
  '赵',
  '周',
  '吴',
  '陈',
  '田',
  '丁',
  '纳',
  '海',
  '何',
];
export const GIVEN_NAMES = [
  '建华',
  '秀英',
  '志强',
  '丽娟',
  '海燕',
  '文博',
  '国庆',
  '玉兰',
  '晓东',
  '春花',
  '明',
  '静',
];
export const ORGANISATIONS: Partial<Record<ApplicantType, readonly string[]>> = {
  commercial: ['中卫市某某新材料有限公司', '宁夏某某云计算科技有限公司', '中卫某某建设工程有限公司'],
  research: ['宁夏某某大学公共管理学院', '某某研究院西北分院'],
  publicInterest: ['某某环境保护志愿者协会'],
  legalService: ['宁夏某某律师事务所', '中卫市某某法律服务所'],
  otherOrganisation: ['某某村村民委员会'],
};

/** Weighted choices: [value, weight]. */
export const CHANNEL_WEIGHTS: ReadonlyArray<[Channel, number]> = [
  ['in-person', 30],
  ['mail-registered', 20],
  ['online', 40],
  ['email', 5],
  ['mail-ordinary', 5],
];

export const APPLICANT_TYPE_WEIGHTS: ReadonlyArray<[ApplicantType, number]> = [
  ['naturalPerson', 70],
  ['commercial', 12],
  ['research', 5],
  ['publicInterest', 3],
  ['legalService', 8],
  ['otherOrganisation', 2],
];
