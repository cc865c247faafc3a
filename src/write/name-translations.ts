// Names that news in Chinese writes in Chinese and news in English writes in English. A zh-TW entry written from
// English articles says 輝達 where its article says Nvidia (and the reverse for 量子位's 英伟达 and an entry that
// keeps Nvidia): name grounding accepts either side of a pair as support for the other.
//
// `zh` lists Traditional (Taiwan, then mainland-Traditional) and Simplified forms; `en` the Latin forms, any case.
// Only names that mean one thing: 字節 alone is also "byte", 超微 is AMD but 美超微 is Supermicro (listed, so
// the longer name wins), 蘋果 and 小米 are names in AI news often enough to keep.

export interface NameTranslation {
  en: readonly string[];
  zh: readonly string[];
}

export const NAME_TRANSLATIONS: readonly NameTranslation[] = [
  // US technology companies.
  { en: ['Nvidia'], zh: ['輝達', '英偉達', '辉达', '英伟达'] },
  { en: ['Google', 'Alphabet'], zh: ['谷歌'] },
  { en: ['Microsoft'], zh: ['微軟', '微软'] },
  { en: ['Apple'], zh: ['蘋果', '苹果'] },
  { en: ['Amazon', 'AWS'], zh: ['亞馬遜', '亚马逊'] },
  { en: ['Meta', 'Facebook'], zh: ['臉書', '脸书'] },
  { en: ['Intel'], zh: ['英特爾', '英特尔'] },
  { en: ['AMD', 'Advanced Micro Devices'], zh: ['超微', '超威'] },
  { en: ['Supermicro', 'Super Micro'], zh: ['美超微'] },
  { en: ['Qualcomm'], zh: ['高通'] },
  { en: ['Broadcom'], zh: ['博通'] },
  { en: ['Micron'], zh: ['美光'] },
  { en: ['Tesla'], zh: ['特斯拉'] },
  { en: ['Oracle'], zh: ['甲骨文'] },
  { en: ['Cisco'], zh: ['思科'] },
  { en: ['Dell'], zh: ['戴爾', '戴尔'] },
  { en: ['Salesforce'], zh: ['賽富時', '赛富时'] },
  { en: ['Adobe'], zh: ['奧多比', '奥多比'] },
  { en: ['Netflix'], zh: ['網飛', '网飞'] },
  { en: ['LinkedIn'], zh: ['領英', '领英'] },
  { en: ['Twitter'], zh: ['推特'] },
  { en: ['Anthropic'], zh: ['安索普', '安思睿'] },
  // Nvidia's chips, when a Chinese report spells them out.
  { en: ['Blackwell'], zh: ['布萊克威爾', '布莱克威尔'] },
  { en: ['Hopper'], zh: ['霍珀'] },
  // Models and products often translated.
  { en: ['Gemini'], zh: ['雙子座', '双子座'] },
  { en: ['Stargate'], zh: ['星際之門', '星际之门'] },
  // Chinese companies, labs and their models.
  { en: ['Alibaba'], zh: ['阿里巴巴', '阿里'] },
  { en: ['Alibaba Cloud', 'Aliyun'], zh: ['阿里雲', '阿里云'] },
  { en: ['Tencent'], zh: ['騰訊', '腾讯'] },
  { en: ['Baidu'], zh: ['百度'] },
  { en: ['ByteDance'], zh: ['字節跳動', '字节跳动'] },
  { en: ['Huawei'], zh: ['華為', '华为'] },
  { en: ['Xiaomi'], zh: ['小米'] },
  { en: ['JD.com', 'JD'], zh: ['京東', '京东'] },
  { en: ['Meituan'], zh: ['美團', '美团'] },
  { en: ['Kuaishou'], zh: ['快手'] },
  { en: ['SenseTime'], zh: ['商湯', '商汤'] },
  { en: ['iFlytek', 'iFLYTEK'], zh: ['科大訊飛', '科大讯飞'] },
  { en: ['Cambricon'], zh: ['寒武紀', '寒武纪'] },
  { en: ['Moore Threads'], zh: ['摩爾線程', '摩尔线程'] },
  { en: ['SMIC'], zh: ['中芯國際', '中芯国际', '中芯'] },
  { en: ['DeepSeek'], zh: ['深度求索'] },
  { en: ['Moonshot', 'Moonshot AI', 'Kimi'], zh: ['月之暗面'] },
  { en: ['Zhipu', 'Zhipu AI', 'Z.ai', 'GLM'], zh: ['智譜', '智谱'] },
  { en: ['Baichuan'], zh: ['百川智能', '百川'] },
  { en: ['01.AI'], zh: ['零一萬物', '零一万物'] },
  { en: ['StepFun'], zh: ['階躍星辰', '阶跃星辰'] },
  { en: ['Qwen', 'Tongyi'], zh: ['通義千問', '通义千问', '千問', '千问', '通義', '通义'] },
  { en: ['Doubao'], zh: ['豆包'] },
  { en: ['ERNIE', 'Ernie Bot'], zh: ['文心一言', '文心'] },
  { en: ['Hunyuan'], zh: ['混元'] },
  { en: ['Kling'], zh: ['可靈', '可灵'] },
  // Taiwan, Korea, Japan.
  { en: ['TSMC'], zh: ['台積電', '臺積電', '台积电'] },
  { en: ['Foxconn', 'Hon Hai'], zh: ['鴻海', '鸿海', '富士康'] },
  { en: ['MediaTek'], zh: ['聯發科', '联发科'] },
  { en: ['Quanta'], zh: ['廣達', '广达'] },
  { en: ['Wistron'], zh: ['緯創', '纬创'] },
  { en: ['ASUS', 'Asustek'], zh: ['華碩', '华硕'] },
  { en: ['Acer'], zh: ['宏碁'] },
  { en: ['UMC'], zh: ['聯電', '联电'] },
  { en: ['Samsung'], zh: ['三星'] },
  { en: ['SK Hynix', 'Hynix'], zh: ['海力士'] },
  { en: ['SoftBank'], zh: ['軟銀', '软银'] },
  { en: ['Sony'], zh: ['索尼'] },
  // Universities.
  { en: ['Stanford'], zh: ['史丹佛', '斯坦福'] },
  { en: ['MIT', 'Massachusetts Institute of Technology'], zh: ['麻省理工'] },
  { en: ['Harvard'], zh: ['哈佛'] },
  { en: ['Berkeley'], zh: ['柏克萊', '伯克利'] },
  { en: ['Carnegie Mellon', 'CMU'], zh: ['卡內基美隆', '卡內基梅隆', '卡内基梅隆'] },
  { en: ['Tsinghua'], zh: ['清華大學', '清华大学', '清華', '清华'] },
  { en: ['Peking University'], zh: ['北京大學', '北京大学', '北大'] },
  { en: ['Chinese Academy of Sciences', 'CAS'], zh: ['中國科學院', '中国科学院', '中科院'] },
  // Governments and institutions.
  { en: ['EU', 'European Union', 'European Commission', 'Brussels'], zh: ['歐盟', '欧盟'] },
  { en: ['Europe', 'European'], zh: ['歐洲', '欧洲'] },
  { en: ['US', 'U.S.', 'USA', 'United States', 'America', 'American', 'Americans'], zh: ['美國', '美国'] },
  { en: ['China', 'Chinese', 'PRC', 'Beijing'], zh: ['中國', '中国'] },
  { en: ['UK', 'U.K.', 'Britain', 'British', 'United Kingdom'], zh: ['英國', '英国'] },
  { en: ['Japan', 'Japanese'], zh: ['日本'] },
  { en: ['South Korea', 'Korea', 'Korean'], zh: ['韓國', '韩国', '南韓', '南韩'] },
  { en: ['Taiwan', 'Taiwanese'], zh: ['台灣', '臺灣', '台湾'] },
  { en: ['India', 'Indian'], zh: ['印度'] },
  { en: ['White House'], zh: ['白宮', '白宫'] },
  { en: ['Pentagon'], zh: ['五角大廈', '五角大楼'] },
  { en: ['Federal Reserve', 'Fed'], zh: ['聯準會', '美聯儲', '美联储'] },
  { en: ['SEC', 'Securities and Exchange Commission'], zh: ['證交會', '证交会', '美國證券交易委員會'] },
  { en: ['FTC', 'Federal Trade Commission'], zh: ['聯邦貿易委員會', '联邦贸易委员会'] },
  { en: ['United Nations', 'UN'], zh: ['聯合國', '联合国'] },
];
