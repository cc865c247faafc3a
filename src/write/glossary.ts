// Background terms the offline writer can explain (相關技術背景). Chosen by whether the day's articles mention them.

import type { BackgroundTerm } from '../types.js';

export interface GlossaryEntry extends BackgroundTerm {
  /** Matched against titles and texts, case-insensitive. */
  pattern: RegExp;
}

export const GLOSSARY: GlossaryEntry[] = [
  {
    term: '大型語言模型',
    english: 'Large Language Model, LLM',
    pattern: /\bLLMs?\b|large language model|大語言模型|大型語言模型|大模型/i,
    explanation: '以大量文字訓練、能理解與生成自然語言的神經網路模型，是多數生成式 AI 產品的核心。',
  },
  {
    term: 'AI 代理',
    english: 'AI Agent',
    pattern: /\bagent(s|ic)?\b|智能體|代理/i,
    explanation: '能自行規劃步驟、呼叫工具並持續執行任務的 AI 系統，而非只回答單一問題。',
  },
  {
    term: '檢索增強生成',
    english: 'Retrieval-Augmented Generation, RAG',
    pattern: /\bRAG\b|retrieval[- ]augmented/i,
    explanation: '生成答案前先檢索外部資料，再把檢索結果交給模型，以提高正確性並減少幻覺。',
  },
  {
    term: '擴散模型',
    english: 'Diffusion Model',
    pattern: /diffusion|擴散|扩散/i,
    explanation: '從雜訊逐步還原出影像或其他資料的生成模型，是主流影像生成技術。',
  },
  {
    term: '強化學習',
    english: 'Reinforcement Learning, RL',
    pattern: /reinforcement learning|\bRLHF\b|\bRL\b|強化學習|强化学习/i,
    explanation: '讓模型依據回饋訊號（獎勵）調整行為的訓練方法，常用於語言模型對齊與推理訓練。',
  },
  {
    term: '微調',
    english: 'Fine-tuning',
    pattern: /fine[- ]?tun|微調|微调/i,
    explanation: '在預訓練模型上以特定資料再訓練，使其適應特定任務或領域。',
  },
  {
    term: '多模態模型',
    english: 'Multimodal Model',
    pattern: /multimodal|multi-modal|\bVLMs?\b|\bMLLMs?\b|多模態|多模态/i,
    explanation: '同時處理文字、影像、語音等多種輸入的模型。',
  },
  {
    term: '模型量化',
    english: 'Quantization',
    pattern: /quantiz|量化/i,
    explanation: '以較少位元表示模型參數，降低記憶體與運算成本，代價是可能損失部分精度。',
  },
  {
    term: '推論',
    english: 'Inference',
    pattern: /\binference\b|推理集群|推論/i,
    explanation: '以訓練好的模型處理實際輸入、產生輸出的過程，其成本決定 AI 服務的營運費用。',
  },
  { term: '幻覺', english: 'Hallucination', pattern: /hallucinat|幻覺|幻觉/i, explanation: '模型生成看似合理但與事實或輸入不符的內容。' },
  {
    term: '模型對齊',
    english: 'Alignment',
    pattern: /\balignment\b|對齊|对齐/i,
    explanation: '讓模型行為符合人類意圖與價值的研究與訓練方法。',
  },
  { term: '基準測試', english: 'Benchmark', pattern: /benchmark|基準|基准/i, explanation: '以標準化任務與資料集比較模型能力的評測方式。' },
  {
    term: '資料中心',
    english: 'Data Center',
    pattern: /data ?cent(er|re)s?|資料中心|数据中心/i,
    explanation: '集中放置伺服器與加速器的設施，AI 訓練與推論的用電與用水多在此發生。',
  },
  {
    term: '圖形處理器',
    english: 'GPU',
    pattern: /\bGPUs?\b|\bGPGPU\b|Nvidia|NVIDIA/,
    explanation: '擅長大量平行運算的處理器，是訓練與執行大型模型的主要硬體。',
  },
  {
    term: '開源模型',
    english: 'Open-weight Model',
    pattern: /open[- ]source|open[- ]weight|開源|开源/i,
    explanation: '公開模型權重、允許他人下載與部署的模型。',
  },
  {
    term: '電腦視覺',
    english: 'Computer Vision',
    pattern: /computer vision|image (recognition|generation)|\bViT\b|視覺|视觉/i,
    explanation: '讓電腦理解影像與影片內容的 AI 領域。',
  },
  {
    term: '自監督學習',
    english: 'Self-Supervised Learning',
    pattern: /self-supervised|自監督|自监督/i,
    explanation: '從未標註資料自行構造學習目標來訓練表徵的方法。',
  },
  {
    term: '生成式 AI',
    english: 'Generative AI',
    pattern: /generative ai|\bGenAI\b|生成式/i,
    explanation: '能生成文字、影像、程式碼等新內容的 AI 技術總稱。',
  },
  {
    term: '提示注入',
    english: 'Prompt Injection',
    pattern: /prompt injection|提示注入/i,
    explanation: '在輸入資料中夾帶指令，誘使模型偏離原本任務的攻擊手法。',
  },
  {
    term: '資料湖倉',
    english: 'Data Lakehouse',
    pattern: /lakehouse|iceberg|湖倉|湖仓/i,
    explanation: '結合資料湖的彈性與資料倉儲的管理能力的資料架構。',
  },
  {
    term: '特徵工程',
    english: 'Feature Engineering',
    pattern: /feature engineering|特徵工程|特征工程/i,
    explanation: '從原始資料建構有助模型學習的輸入特徵的過程。',
  },
  {
    term: '自動駕駛',
    english: 'Autonomous Driving',
    pattern: /autonomous|self-driving|robotaxi|自動駕駛|自动驾驶|自駕/i,
    explanation: '以感測器與 AI 模型取代人類駕駛操作車輛的技術。',
  },
  {
    term: '人工智慧監管',
    english: 'AI Regulation',
    pattern: /regulat|legislation|\bEU\b|監管|监管|法規/i,
    explanation: '政府與國際組織對 AI 開發與使用訂定的規則與監督機制。',
  },
  {
    term: '機器學習',
    english: 'Machine Learning',
    pattern: /machine learning|機器學習|机器学习/i,
    explanation: '讓電腦從資料中學習規律、而非逐條編寫規則的技術。',
  },
];
